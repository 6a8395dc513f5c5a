using System.Globalization;
using System.Threading.RateLimiting;
using Enrolment.Gateway.Http.Limits;
using Enrolment.Grains.Interfaces.Enrolments;

namespace Enrolment.Gateway.Http;

/// <summary>Per-client-address limits (section "RateLimits"), counted in the cluster; the load-test profile raises them.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Identity searches (<c>POST /api/enrolments</c>) per minute and client address.</summary>
    public int IdentitySearchPerMinute { get; set; } = 10;

    /// <summary>Code resends per minute and client address (the journey's own caps still apply).</summary>
    public int CodeResendPerMinute { get; set; } = 10;
}

public static class RateLimits
{
    public const string IdentitySearch = "identity-search";
    public const string CodeResend = "code-resend";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(IdentitySearch, context => PerAddress.Partition<RateLimitOptions>(context, IdentitySearch, o => o.IdentitySearchPerMinute));
            limiter.AddPolicy(CodeResend, context => PerAddress.Partition<RateLimitOptions>(context, CodeResend, o => o.CodeResendPerMinute));
            limiter.OnRejected = async (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds)
                    : 60;
                var response = rejected.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.From(new Refusal(RefusalCodes.RateLimited, RetryAfterSeconds: seconds))
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using Enrolment.Gateway.Http.Limits;
using Enrolment.Grains.Interfaces.Limits;

namespace Enrolment.Gateway.Http;

/// <summary>Per-client-address limits (section "RateLimits"), counted in the cluster; the load-test profile raises them.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Identity searches (<c>POST /api/enrolments</c>) per minute and client address.</summary>
    public int IdentitySearchPerMinute { get; set; } = 10;

    /// <summary>Code resends per minute and client address (the journey's own caps still apply).</summary>
    public int CodeResendPerMinute { get; set; } = 10;

    /// <summary>Sign-in and first-login calls per minute and client address (the account's own lockout still applies).</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Lost-password calls per minute and client address (the reset's own code limits still apply).</summary>
    public int PasswordResetPerMinute { get; set; } = 10;
}

/// <summary>Every rate-limit policy of the gateway, each per client address group, and the one 429 answer.</summary>
public static class RateLimits
{
    public const string IdentitySearch = "identity-search";
    public const string CodeResend = "code-resend";
    public const string SignIn = "sign-in";
    public const string PasswordReset = "password-reset";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(IdentitySearch, context => PerAddress(context, IdentitySearch, o => o.IdentitySearchPerMinute));
            limiter.AddPolicy(CodeResend, context => PerAddress(context, CodeResend, o => o.CodeResendPerMinute));
            limiter.AddPolicy(SignIn, context => PerAddress(context, SignIn, o => o.SignInPerMinute));
            limiter.AddPolicy(PasswordReset, context => PerAddress(context, PasswordReset, o => o.PasswordResetPerMinute));
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

    /// <summary>The partition of one policy for the client's address group, counted in the cluster.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, Func<RateLimitOptions, int> permitsPerMinute)
    {
        var key = AddressLimitKey.Of(policy, context.Connection.RemoteIpAddress);
        return RateLimitPartition.Get(key, _ =>
        {
            // Singletons only: the limiter outlives this request's scope.
            var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>();
            return new ClusterWindowLimiter(grains, key, () => permitsPerMinute(options.CurrentValue));
        });
    }
}

using Enrolment.Gateway.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enrolment.Gateway.Enrolments;

/// <summary>SPEC.md "HTTP API": the enrolment journey, one call per screen of the guide.</summary>
public static class EnrolmentsApi
{
    public static IServiceCollection AddEnrolmentsApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OpaqueIds>();
        return services;
    }

    public static IEndpointRouteBuilder MapEnrolmentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/enrolments").WithTags("Enrolments");
        api.MapPost("/", IdentitySearch.Start).RequireRateLimiting(RateLimits.IdentitySearch);
        api.MapGet("/{enrolmentId}", JourneySteps.Get);
        api.MapPost("/{enrolmentId}/identity-confirmation", JourneySteps.ConfirmIdentity);
        api.MapPost("/{enrolmentId}/phone-confirmation", JourneySteps.ConfirmPhone);
        api.MapPost("/{enrolmentId}/channel", JourneySteps.ChooseChannel);
        api.MapPost("/{enrolmentId}/phone", JourneySteps.EnterPhone);
        api.MapPost("/{enrolmentId}/member-number", JourneySteps.SubmitMemberNumber);
        api.MapPost("/{enrolmentId}/code", JourneySteps.SubmitCode);
        api.MapPost("/{enrolmentId}/code/resend", JourneySteps.ResendCode).RequireRateLimiting(RateLimits.CodeResend);
        api.MapPost("/{enrolmentId}/password", JourneySteps.CreatePassword);
        return routes;
    }
}

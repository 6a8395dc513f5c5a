using Enrolment.Gateway.Http.Shapes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enrolment.Gateway.Enrolments;

/// <summary>The enrolment journey, one call per screen of the guide (the routes: /openapi/v1.json, docs/api.md).</summary>
public static class EnrolmentsApi
{
    public static IServiceCollection AddEnrolmentsApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OpaqueIds>();
        return services;
    }

    private static readonly string[] Journey =
        [RefusalCodes.UnknownEnrolment, RefusalCodes.EnrolmentExpired, RefusalCodes.EnrolmentVoid, RefusalCodes.WrongStep];

    public static IEndpointRouteBuilder MapEnrolmentsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/enrolments").WithTags("Enrolments").AnswerNullBodiesAsEmpty();
        api.MapPost("/", IdentitySearch.Start).RequireRateLimiting(RateLimits.IdentitySearch)
            .Refuses(RefusalCodes.NotIdentified, RefusalCodes.AlreadyEnrolled, RefusalCodes.Locked)
            .Example(EnrolmentExamples.IdentityMissing);
        api.MapGet("/{enrolmentId}", JourneySteps.Get).Refuses(Journey).Example(EnrolmentExamples.Unknown);
        api.MapPost("/{enrolmentId}/identity-confirmation", JourneySteps.ConfirmIdentity).Refuses(Journey);
        api.MapPost("/{enrolmentId}/phone-confirmation", JourneySteps.ConfirmPhone).Refuses(Journey)
            .Example(EnrolmentExamples.IsMineMissing);
        api.MapPost("/{enrolmentId}/channel", JourneySteps.ChooseChannel).Refuses([.. Journey, RefusalCodes.SmsCeiling, RefusalCodes.TooManyCodes]);
        api.MapPost("/{enrolmentId}/phone", JourneySteps.EnterPhone)
            .Refuses([.. Journey, RefusalCodes.SmsCeiling, RefusalCodes.TooManyCodes]).Example(EnrolmentExamples.PhoneNotMobile);
        api.MapPost("/{enrolmentId}/member-number", JourneySteps.SubmitMemberNumber)
            .Refuses([.. Journey, RefusalCodes.MemberNumberMismatch]);
        api.MapPost("/{enrolmentId}/code", JourneySteps.SubmitCode)
            .Refuses([.. Journey, RefusalCodes.CodeMismatch, RefusalCodes.CodeExpired]).Example(EnrolmentExamples.CodeUnknownEnrolment);
        api.MapPost("/{enrolmentId}/code/resend", JourneySteps.ResendCode).RequireRateLimiting(RateLimits.CodeResend)
            .Refuses([.. Journey, RefusalCodes.SmsCeiling, RefusalCodes.TooManyCodes]);
        api.MapPost("/{enrolmentId}/password", JourneySteps.CreatePassword).Refuses(Journey);
        return routes;
    }
}

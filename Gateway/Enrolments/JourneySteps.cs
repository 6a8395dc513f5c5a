using Enrolment.Grains.Interfaces.Vocabulary;

namespace Enrolment.Gateway.Enrolments;

/// <summary>
/// Steps 2–7. The framework has checked the shape of each body (<see cref="EnrolmentRequests"/>; a 400 changes
/// nothing) before the handler runs; the member's grain applies the journey's rules, its refusal becomes the problem
/// answer, its view the success answer.
/// </summary>
public static class JourneySteps
{
    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> Get(
        string enrolmentId, OpaqueIds ids, IGrainFactory grains) =>
        Run(enrolmentId, ids, grains, (journey, id) => journey.Get(id));

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> ConfirmIdentity(
        string enrolmentId, [FromBody] EmptyRequest? request, OpaqueIds ids, IGrainFactory grains) =>
        Run(enrolmentId, ids, grains, (journey, id) => journey.ConfirmIdentity(id));

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> ConfirmPhone(
        string enrolmentId, [FromBody] PhoneConfirmationRequest? request, OpaqueIds ids, IGrainFactory grains) =>
        Run(enrolmentId, ids, grains, (journey, id) => journey.ConfirmPhone(id, request!.IsMine!.Value));

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> ChooseChannel(
        string enrolmentId, [FromBody] ChannelRequest? request, OpaqueIds ids, IGrainFactory grains)
    {
        var channel = request!.Channel == "sms" ? DeliveryChannel.Sms : DeliveryChannel.Letter;
        return Run(enrolmentId, ids, grains, (journey, id) => journey.ChooseChannel(id, channel));
    }

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> EnterPhone(
        string enrolmentId, [FromBody] PhoneRequest? request, OpaqueIds ids, IGrainFactory grains)
    {
        FrenchMobile.TryReadTyped(request!.Phone, out var phone);
        var entry = new PhoneEntry(phone!, request.PhoneMarketingOptOut ?? false);
        return Run(enrolmentId, ids, grains, (journey, id) => journey.EnterPhone(id, entry));
    }

    /// <summary>A member number that is not ten digits is a typing error (400), not a mismatch: it costs no attempt.</summary>
    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> SubmitMemberNumber(
        string enrolmentId, [FromBody] MemberNumberRequest? request, OpaqueIds ids, IGrainFactory grains)
    {
        MemberNumber.TryNormalise(request!.MemberNumber, out var memberNumber);
        return Run(enrolmentId, ids, grains, (journey, id) => journey.SubmitMemberNumber(id, memberNumber!));
    }

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> SubmitCode(
        string enrolmentId, [FromBody] CodeRequest? request, OpaqueIds ids, IGrainFactory grains) =>
        Run(enrolmentId, ids, grains, (journey, id) => journey.SubmitCode(id, request!.Code!.Trim()));

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> ResendCode(
        string enrolmentId, [FromBody] EmptyRequest? request, OpaqueIds ids, IGrainFactory grains) =>
        Run(enrolmentId, ids, grains, (journey, id) => journey.ResendCode(id));

    /// <summary>The hash is dropped from the silo's queue if the request is aborted before its turn.</summary>
    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> CreatePassword(
        string enrolmentId, [FromBody] PasswordRequest? request, OpaqueIds ids, IGrainFactory grains, CancellationToken requestAborted) =>
        Run(enrolmentId, ids, grains, (journey, id) => journey.CreatePassword(id, request!.Password!, request.PasswordConfirmation!, requestAborted));

    private static async Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> Run(
        string enrolmentId, OpaqueIds ids, IGrainFactory grains, Func<IEnrolmentGrain, Guid, Task<StepOutcome>> step)
    {
        if (!ids.TryRead(enrolmentId, out var journey))
        {
            return Problems.From(new Refusal(RefusalCodes.UnknownEnrolment));
        }

        var outcome = await step(grains.GetGrain<IEnrolmentGrain>(journey.MemberNumber), journey.Id);
        return outcome.Refusal is { } refusal
            ? Problems.From(refusal)
            : TypedResults.Ok(JourneyAnswer.From(enrolmentId, outcome.View!));
    }
}

using Enrolment.Grains.Interfaces.FranceConnect;

namespace Enrolment.Gateway.FranceConnect;

/// <summary>
/// Flow (c): one member matched and has no account. The member's enrolment grain opens a journey from the pivot
/// identity (no identity form); the wizard takes it through /api/enrolments/{id} like any other (confirm identity
/// and address, member number), and the journey ends with an account linked to the identity, signed in here.
/// </summary>
public static class FranceConnectEnrolment
{
    /// <summary>Opens the journey and remembers it in a cookie; null when it opened, else the refusal's code.</summary>
    public static async Task<string?> StartAsync(
        HttpContext context, PivotIdentity identity, MemberRecord member, FranceConnectCookies cookies, IGrainFactory grains, OpaqueIds ids)
    {
        // The e-mail FranceConnect holds fills the account; the directory's record gives everything else.
        var start = new StartJourney(member, identity.Email ?? "", Newsletter: false, FranceConnectSubject: identity.Subject);
        var outcome = await grains.GetGrain<IEnrolmentGrain>(member.MemberNumber).Start(start);
        if (outcome.View is not { } view)
        {
            return outcome.Refusal?.Code ?? RefusalCodes.NotIdentified;
        }

        cookies.WriteEnrolment(context, new PendingEnrolment(identity.Subject, ids.Create(member.MemberNumber, view.JourneyId)));
        return null;
    }

    /// <summary>The journey this browser opened from FranceConnect, for the wizard to resume.</summary>
    public static Results<Ok<FranceConnectEnrolmentAnswer>, ProblemHttpResult> Get(HttpContext context, FranceConnectCookies cookies) =>
        cookies.ReadEnrolment(context) is { } pending
            ? TypedResults.Ok(new FranceConnectEnrolmentAnswer(pending.EnrolmentId))
            : Problems.From(new Refusal(RefusalCodes.UnknownEnrolment));

    /// <summary>Once the journey is complete and the identity linked to its account: signed in, without a password.</summary>
    public static async Task<Results<Ok<SessionAnswer>, ProblemHttpResult>> SignIn(
        HttpContext context, FranceConnectCookies cookies, OpaqueIds ids, IGrainFactory grains)
    {
        if (cookies.ReadEnrolment(context) is not { } pending || !ids.TryRead(pending.EnrolmentId, out var journey))
        {
            return Problems.From(new Refusal(RefusalCodes.UnknownEnrolment));
        }

        var linked = await grains.GetGrain<IFranceConnectLinkGrain>(pending.Subject).GetMemberNumber();
        if (linked != journey.MemberNumber || await grains.GetGrain<IAccountGrain>(linked).GetProfile() is not { } profile)
        {
            var current = await grains.GetGrain<IEnrolmentGrain>(journey.MemberNumber).Get(journey.Id);
            return Problems.From(current.Refusal ?? new Refusal(RefusalCodes.WrongStep, CurrentStep: StepNames.Of(current.View!.Step)));
        }

        FranceConnectCookies.Delete(context, FranceConnectCookies.Enrolment);
        await SessionClaims.SignInAsync(context, profile);
        return TypedResults.Ok(SessionAnswer.SignedIn);
    }
}

public sealed record FranceConnectEnrolmentAnswer(string EnrolmentId);

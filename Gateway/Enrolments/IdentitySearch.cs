using Enrolment.Grains.Interfaces.Directory;

namespace Enrolment.Gateway.Enrolments;

/// <summary>Step 1: find the member by who they say they are, then open their journey.</summary>
public static class IdentitySearch
{
    public static async Task<Results<Created<JourneyAnswer>, ProblemHttpResult>> Start(
        [FromBody] IdentityRequest? request, IGrainFactory grains, OpaqueIds ids)
    {
        // The framework has checked the shape (IdentityRequest); only the directory can say whether it matches.
        var query = new IdentityQuery(request!.LastName!.Trim(), request.FirstName!.Trim(), IdentityValidation.ReadBirthDate(request.BirthDate)!.Value);
        var email = request.Email!.Trim();

        // The same answer whichever field did not match: nothing tells which one was wrong.
        var member = await grains.GetGrain<IMemberDirectoryGrain>(0).Find(query);
        if (member is null)
        {
            return Problems.From(new Refusal(RefusalCodes.NotIdentified));
        }

        var outcome = await grains.GetGrain<IEnrolmentGrain>(member.MemberNumber)
            .Start(new StartJourney(member, email, request.Newsletter ?? false));
        if (outcome.Refusal is { } refusal)
        {
            return Problems.From(refusal);
        }

        var enrolmentId = ids.Create(member.MemberNumber, outcome.View!.JourneyId);
        return TypedResults.Created($"/api/enrolments/{enrolmentId}", JourneyAnswer.From(enrolmentId, outcome.View));
    }
}

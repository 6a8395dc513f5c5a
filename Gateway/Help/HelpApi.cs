namespace Enrolment.Gateway.Help;

/// <summary>"Je ne connais pas mon identifiant": where the member number is printed, and whom to call. Looks nothing up.</summary>
public static class HelpApi
{
    private static readonly MemberNumberHelp Answer = new(
        Format: "XXXXXXXX.XX",
        Text: "Il s'agit de votre numéro d'adhérent indiqué dans tous les courriers d'AUDIENS dans la rubrique « Vos références ». "
            + "Vous le trouvez également sur votre carte de tiers payant ou sur votre titre de retraite.",
        WhereToFind:
        [
            "Dans tous les courriers d'AUDIENS, rubrique « Vos références »",
            "Sur votre carte de tiers payant",
            "Sur votre titre de retraite",
        ],
        HelpNumbers:
        [
            new("Adhérents Audiens Santé Prévoyance", "0 173 173 535"),
            new("Autres adhérents", "0 173 173 500"),
        ]);

    public static IEndpointRouteBuilder MapHelpApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/help/member-number", GetMemberNumberHelp).WithTags("Help")
            .Example(new ApiExample("where-to-find", StatusCodes.Status200OK, Answer));
        return routes;
    }

    public static Ok<MemberNumberHelp> GetMemberNumberHelp() => TypedResults.Ok(Answer);
}

public sealed record MemberNumberHelp(string Format, string Text, IReadOnlyList<string> WhereToFind, IReadOnlyList<HelpNumber> HelpNumbers);

public sealed record HelpNumber(string Audience, string Number);

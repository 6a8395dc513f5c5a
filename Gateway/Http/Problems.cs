namespace Enrolment.Gateway.Http;

/// <summary>Turns a grain's <see cref="Refusal"/> into an RFC 9457 problem answer with a stable <c>code</c>.</summary>
public static class Problems
{
    private static readonly Dictionary<string, (int Status, string Title)> Known = new()
    {
        [RefusalCodes.Validation] = (400, "Certaines informations sont invalides."),
        [RefusalCodes.NotIdentified] = (422, "Nous n'avons pas pu vous identifier."),
        [RefusalCodes.AlreadyEnrolled] = (409, "Vous êtes déjà inscrit."),
        [RefusalCodes.Locked] = (423, "L'accès est temporairement bloqué."),
        [RefusalCodes.RateLimited] = (429, "Trop de demandes, réessayez plus tard."),
        [RefusalCodes.UnknownEnrolment] = (404, "Cette inscription est introuvable."),
        [RefusalCodes.EnrolmentExpired] = (410, "Cette inscription a expiré."),
        [RefusalCodes.EnrolmentVoid] = (410, "Cette inscription n'est plus valable."),
        [RefusalCodes.WrongStep] = (409, "Cette étape n'est pas l'étape en cours."),
        [RefusalCodes.MemberNumberMismatch] = (422, "L'identifiant ne correspond pas."),
        [RefusalCodes.CodeMismatch] = (422, "Le code est incorrect."),
        [RefusalCodes.CodeExpired] = (410, "Le code a expiré."),
        [RefusalCodes.TooManyCodes] = (429, "Trop de codes demandés."),
        [RefusalCodes.SmsCeiling] = (503, "L'envoi de SMS est momentanément suspendu : réessayez plus tard ou choisissez le courrier."),
        [RefusalCodes.InvalidCredentials] = (401, "Identifiant ou mot de passe incorrect."),
        [RefusalCodes.UnknownFirstLogin] = (404, "Cette première connexion est introuvable."),
        [RefusalCodes.FirstLoginExpired] = (410, "Cette première connexion a expiré."),
        [RefusalCodes.UnknownReset] = (404, "Cette demande est introuvable."),
        [RefusalCodes.ResetExpired] = (410, "Cette demande a expiré."),
    };

    /// <summary>What the member can do next, where the title alone does not say it.</summary>
    private static readonly Dictionary<string, string> NextSteps = new()
    {
        [RefusalCodes.NotIdentified] =
            "Vérifiez votre nom, votre prénom et votre date de naissance tels qu'ils figurent sur vos courriers.",
        [RefusalCodes.AlreadyEnrolled] =
            "Connectez-vous avec votre identifiant et votre mot de passe, ou choisissez « J'ai perdu mon mot de passe ».",
    };

    /// <summary>The status and title a problem <c>code</c> is answered with (the HTTP layer's own codes included).</summary>
    public static (int Status, string Title) Of(string code) =>
        Known.TryGetValue(code, out var known) ? known
        : HttpCodeStatuses.TryGetValue(code, out var status) ? (status, HttpProblemCodes.TitleFor(status))
        : (400, "Requête invalide.");

    private static readonly Dictionary<string, int> HttpCodeStatuses = new[] { 404, 405, 413, 415, 431, 500, 503 }
        .ToDictionary(HttpProblemCodes.ForStatus);

    public static ProblemHttpResult From(Refusal refusal)
    {
        var (status, title) = Of(refusal.Code);
        var extensions = new Dictionary<string, object?> { ["code"] = refusal.Code };
        if (refusal.AttemptsLeft is { } attemptsLeft)
        {
            extensions["attemptsLeft"] = attemptsLeft;
        }

        if (refusal.RetryAfterSeconds is { } retryAfter)
        {
            extensions["retryAfterSeconds"] = retryAfter;
        }

        if (refusal.CurrentStep is { } step)
        {
            extensions["step"] = step;
        }

        if (refusal.Errors is { Count: > 0 } errors)
        {
            extensions["errors"] = errors;
        }

        return TypedResults.Problem(
            statusCode: status, title: title, detail: NextSteps.GetValueOrDefault(refusal.Code), extensions: extensions);
    }

    /// <summary>A 400 <c>validation</c> problem with the message for each field that failed.</summary>
    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        From(new Refusal(RefusalCodes.Validation, Errors: errors));
}

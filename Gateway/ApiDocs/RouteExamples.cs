namespace Enrolment.Gateway.ApiDocs;

/// <summary>
/// The examples the document shows. Each one can be replayed on any gateway and gets the answer shown: none needs
/// a journey under way, so none names a member.
/// </summary>
public static class EnrolmentExamples
{
    private const string NoSuchEnrolment = "not-an-enrolment-id";

    private static readonly Dictionary<string, string> UnknownId = new() { ["enrolmentId"] = NoSuchEnrolment };

    public static readonly ApiExample IdentityMissing = new(
        "birth-date-not-a-date",
        StatusCodes.Status400BadRequest,
        Problem(RefusalCodes.Validation, new() { ["birthDate"] = ["Une date réelle au format AAAA-MM-JJ est attendue."] }),
        Body: new IdentityRequest("Comet", "Paul", "1980-02-30", "paul.comet@example.fr", "paul.comet@example.fr", Newsletter: false));

    public static readonly ApiExample Unknown = new(
        "unknown-enrolment", StatusCodes.Status404NotFound, Problem(RefusalCodes.UnknownEnrolment), PathValues: UnknownId);

    public static readonly ApiExample PhoneNotMobile = new(
        "not-a-mobile",
        StatusCodes.Status400BadRequest,
        Problem(RefusalCodes.Validation, new() { ["phone"] = ["Un numéro de mobile français est attendu (06 ou 07 suivi de 8 chiffres)."] }),
        Body: new PhoneRequest("01 23 45 67 89", "01 23 45 67 89", PhoneMarketingOptOut: false),
        PathValues: UnknownId);

    public static readonly ApiExample IsMineMissing = new(
        "is-mine-missing",
        StatusCodes.Status400BadRequest,
        Problem(RefusalCodes.Validation, new() { ["isMine"] = ["Indiquez si ce numéro est le vôtre (true ou false)."] }),
        Body: new EmptyRequest(),
        PathValues: UnknownId);

    public static readonly ApiExample CodeUnknownEnrolment = new(
        "unknown-enrolment", StatusCodes.Status404NotFound, Problem(RefusalCodes.UnknownEnrolment), Body: new CodeRequest("123456"),
        PathValues: UnknownId);

    /// <summary>The problem body as <see cref="Problems.From"/> writes it.</summary>
    public static object Problem(string code, Dictionary<string, string[]>? errors = null)
    {
        var (status, title) = Problems.Of(code);
        return errors is null ? new { status, title, code } : new { status, title, code, errors };
    }
}

public static class SessionExamples
{
    public static readonly ApiExample SignedOut = new(
        "no-session", StatusCodes.Status401Unauthorized, EnrolmentExamples.Problem(RefusalCodes.InvalidCredentials));
}

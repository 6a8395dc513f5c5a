namespace Enrolment.Gateway.Http;

/// <summary>The <c>code</c> of problems the HTTP layer answers by itself, before any journey rule applies.</summary>
public static class HttpProblemCodes
{
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string PayloadTooLarge = "payload-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string HeadersTooLarge = "headers-too-large";
    public const string InternalError = "internal-error";
    public const string Unavailable = "unavailable";

    /// <summary>Password hashing is saturated on the silo: nothing was done; try again after <c>Retry-After</c>.</summary>
    public const string Busy = "busy";

    public static string ForStatus(int status) => status switch
    {
        400 => RefusalCodes.Validation,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RefusalCodes.RateLimited,
        431 => HeadersTooLarge,
        503 => Unavailable,
        >= 500 => InternalError,
        _ => $"http-{status}",
    };

    public static string TitleFor(int status) => status switch
    {
        400 => "Certaines informations sont invalides.",
        404 => "Cette adresse n'existe pas.",
        405 => "Cette méthode n'est pas acceptée ici.",
        413 => "La requête est trop volumineuse.",
        415 => "Le contenu doit être du JSON (application/json).",
        429 => "Trop de demandes, réessayez plus tard.",
        431 => "Les en-têtes de la requête sont trop volumineux.",
        503 => "Le service est momentanément indisponible. Réessayez dans quelques secondes.",
        >= 500 => "Une erreur inattendue est survenue. Réessayez dans quelques instants.",
        _ => "La requête n'a pas pu être traitée.",
    };
}

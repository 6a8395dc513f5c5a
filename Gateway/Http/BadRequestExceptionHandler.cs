using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Enrolment.Gateway.Http;

/// <summary>
/// Turns what the framework throws on bad input (unreadable JSON, wrong types, wrong content type, body too large)
/// into a 4xx problem that says what to fix. Anything else is a real fault and falls through to the generic 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad when bad.InnerException is JsonException json => InvalidJson(json),
            BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 => ProblemSetup.Problem(
                bad.StatusCode, HttpProblemCodes.ForStatus(bad.StatusCode), BodyError(bad.StatusCode)),
            JsonException json => InvalidJson(json),
            _ => null,
        };
        if (problem is null || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>
    /// Names the field that was unknown or had the wrong type, or says the body is not JSON at all; never echoes the
    /// parser's own message, which carries .NET type names.
    /// </summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails InvalidJson(JsonException json)
    {
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        var message = json.Message;
        var fieldProblem = message.Contains("could not be mapped", StringComparison.Ordinal) ? "Ce champ n'est pas attendu."
            : message.Contains("could not be converted", StringComparison.Ordinal) ? "Cette valeur n'est pas du type attendu."
            : message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) ? "Ce champ apparaît plusieurs fois."
            : null;
        var errors = field is not null && fieldProblem is not null
            ? new Dictionary<string, string[]> { [field] = [fieldProblem] }
            : new Dictionary<string, string[]> { ["body"] = ["Le corps de la requête doit être un objet JSON valide."] };
        return ProblemSetup.Problem(StatusCodes.Status400BadRequest, HttpProblemCodes.ForStatus(400), errors);
    }

    private static Dictionary<string, string[]> BodyError(int status) => new()
    {
        ["body"] = [status switch
        {
            413 => "Le corps de la requête dépasse la taille permise.",
            415 => "Le corps de la requête doit être envoyé en application/json.",
            _ => "Le corps de la requête est absent ou illisible.",
        }],
    };
}

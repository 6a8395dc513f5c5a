using System.Text.Json;

namespace Enrolment.Gateway.Http;

public static class ProblemSetup
{
    /// <summary>
    /// Every problem answer carries a stable <c>code</c>, including those the framework writes by itself
    /// (unknown route, wrong method, rate limit, unexpected error); an unexpected error never shows its details.
    /// </summary>
    public static IServiceCollection AddGatewayProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (problem is HttpValidationProblemDetails validation)
            {
                // The framework's validation names fields as C# does (IsMine); the API names them as its JSON does.
                validation.Errors = CamelCaseKeys(validation.Errors);
            }

            if (!problem.Extensions.ContainsKey("code"))
            {
                problem.Extensions["code"] = HttpProblemCodes.ForStatus(status);
                problem.Title = HttpProblemCodes.TitleFor(status);
            }

            if (status >= 500)
            {
                problem.Detail = null;
                problem.Extensions.Remove("exception");
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ClusterUnavailableHandler>();
        services.AddExceptionHandler<HashingBusyHandler>();

        // Minimal APIs throw on unreadable bodies instead of answering an empty 400, so that the handler above words it.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    internal static Dictionary<string, string[]> CamelCaseKeys(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);

    internal static ProblemDetails Problem(int status, string code, IDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = HttpProblemCodes.TitleFor(status) };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }
}

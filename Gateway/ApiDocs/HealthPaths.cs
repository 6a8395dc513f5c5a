using Microsoft.OpenApi;

namespace Enrolment.Gateway.ApiDocs;

/// <summary>The two probes are health-check endpoints, which the API explorer does not list: described by hand.</summary>
public static class HealthPaths
{
    public static void AddTo(OpenApiDocument document)
    {
        document.Paths ??= [];
        document.Paths["/health/live"] = Probe("The process answers.", "live");
        document.Paths["/health/ready"] = Probe("A silo answers and reaches the database.", "ready");
    }

    private static OpenApiPathItem Probe(string summary, string status)
    {
        var operation = new OpenApiOperation
        {
            Summary = summary,
            Tags = new HashSet<OpenApiTagReference> { new("Health") },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = $"`{{\"status\":\"{status}\"}}`",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Properties = new Dictionary<string, IOpenApiSchema> { ["status"] = new OpenApiSchema { Type = JsonSchemaType.String } },
                            },
                        },
                    },
                },
            },
        };
        ProblemAnswers.Describe(operation, ["cluster-unavailable", "database-unavailable"], _ => StatusCodes.Status503ServiceUnavailable);
        return new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation } };
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enrolment.Gateway.ApiDocs;

/// <summary>
/// Documents each problem status a route can answer, and under it the <c>code</c>s (as the schema's enum): the
/// route's own, 400 <c>validation</c> and the body limits where a body is read, the rate limit where one applies,
/// and what any route may answer when the cluster is out of reach.
/// </summary>
public sealed class ProblemAnswers : IOpenApiOperationTransformer
{
    public const string ProblemJson = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var codes = metadata.OfType<ProblemCodesMetadata>().SelectMany(m => m.Codes).ToList();
        if (context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Body"))
        {
            codes.AddRange([RefusalCodes.Validation, HttpProblemCodes.PayloadTooLarge, HttpProblemCodes.UnsupportedMediaType]);
        }

        if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
        {
            codes.Add(RefusalCodes.RateLimited);
        }

        codes.AddRange([HttpProblemCodes.Unavailable, HttpProblemCodes.InternalError]);
        Describe(operation, codes);
        return Task.CompletedTask;
    }

    public static void Describe(OpenApiOperation operation, IEnumerable<string> codes, Func<string, int>? statusOf = null)
    {
        operation.Responses ??= [];
        statusOf ??= code => Problems.Of(code).Status;
        foreach (var byStatus in codes.Distinct().GroupBy(statusOf).OrderBy(g => g.Key))
        {
            var listed = string.Join(", ", byStatus.Select(code => $"`{code}`"));
            operation.Responses[byStatus.Key.ToString()] = new OpenApiResponse
            {
                Description = $"A problem (RFC 9457) whose `code` is one of {listed}.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new() { Schema = ProblemSchema(byStatus) },
                },
            };
        }
    }

    private static OpenApiSchema ProblemSchema(IEnumerable<string> codes) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "status", "title", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = codes.Select(c => (JsonNode)JsonValue.Create(c)!).ToList() },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "With `validation`: the message for each field that failed.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["attemptsLeft"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["retryAfterSeconds"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["step"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "With `wrong-step`: the journey's current step." },
        },
    };
}

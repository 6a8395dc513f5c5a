using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Enrolment.Gateway.ApiDocs;

/// <summary>Puts a route's <see cref="ApiExample"/>s in its document, under the same name on path, body and answer.</summary>
public sealed class ExampleAnswers : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var example in context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiExample>())
        {
            foreach (var (name, value) in example.PathValues ?? new Dictionary<string, string>())
            {
                if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name) is { } parameter)
                {
                    parameter.Examples ??= new Dictionary<string, IOpenApiExample>();
                    parameter.Examples[example.Name] = Of(value);
                }
            }

            if (example.Body is not null && operation.RequestBody?.Content?.Values.FirstOrDefault() is { } body)
            {
                body.Examples ??= new Dictionary<string, IOpenApiExample>();
                body.Examples[example.Name] = Of(example.Body);
            }

            if (operation.Responses?.GetValueOrDefault(example.Status.ToString())?.Content?.Values.FirstOrDefault() is { } answer)
            {
                answer.Examples ??= new Dictionary<string, IOpenApiExample>();
                answer.Examples[example.Name] = Of(example.Answer);
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiExample Of(object? value) =>
        new() { Value = JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web) ?? JsonValue.Create((string?)null) };
}

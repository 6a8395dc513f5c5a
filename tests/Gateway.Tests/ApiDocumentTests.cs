using System.Net;
using System.Text;
using System.Text.Json;
using Enrolment.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>The OpenAPI document an integrator reads: every route is in it, and its examples are answered as shown.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ApiDocumentTests(GatewayCluster cluster)
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    [Fact]
    public async Task Every_mapped_route_is_in_the_document_with_its_problem_codes()
    {
        await using var gateway = cluster.NewGateway(new Dictionary<string, string?> { ["Support:ApiKey"] = "support-key" });
        var paths = (await Document(gateway.CreateClient())).GetProperty("paths");

        var routes = gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(method => (Path: Template(endpoint), Method: method.ToLowerInvariant())))
            .Where(route => !route.Path.StartsWith("/openapi", StringComparison.Ordinal)
                && !route.Path.StartsWith("/api-docs", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(routes, route => route.Path == "/api/support/members/{memberNumber}/audit");
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the document");
            var problems = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5').ToList();
            Assert.Contains(problems, response => response.Name == "503");
            Assert.All(problems, response => Assert.NotEmpty(response.Value
                .GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
                .GetProperty("properties").GetProperty("code").GetProperty("enum").EnumerateArray()));
        }
    }

    [Fact]
    public async Task The_document_lists_the_refusals_of_a_journey_step()
    {
        var code = (await Document(cluster.Gateway.CreateClient())).GetProperty("paths")
            .GetProperty("/api/enrolments/{enrolmentId}/code").GetProperty("post").GetProperty("responses");

        Assert.Equal(["code-mismatch"], Codes(code, "422"));
        Assert.Contains("code-expired", Codes(code, "410"));
        Assert.Contains("wrong-step", Codes(code, "409"));
        Assert.Contains("validation", Codes(code, "400"));
    }

    [Fact]
    public async Task Every_example_of_the_document_is_answered_as_shown()
    {
        var client = cluster.Gateway.CreateClient();
        var replayed = 0;
        foreach (var (path, method, operation) in Operations(await Document(client)))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                foreach (var content in Contents(response.Value))
                {
                    if (!content.TryGetProperty("examples", out var examples))
                    {
                        continue;
                    }

                    foreach (var example in examples.EnumerateObject())
                    {
                        var answer = await Send(client, path, method, operation, example.Name);
                        await AssertAnswered(answer, int.Parse(response.Name), example.Value.GetProperty("value"), $"{method} {path} {example.Name}");
                        replayed++;
                    }
                }
            }
        }

        Assert.True(replayed >= 5, $"only {replayed} examples");
    }

    [Fact]
    public async Task The_interactive_reference_is_served_in_development_only()
    {
        var development = await cluster.Gateway.CreateClient().GetAsync("/api-docs");
        using var certificate = new TestCertificate();
        await using var production = cluster.NewGateway(certificate.Settings, "Production");
        var elsewhere = await production.CreateClient().GetAsync("/api-docs");
        var document = await production.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, development.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.True(elsewhere.Headers.Contains("Content-Security-Policy"), "outside Development the page keeps the CSP");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    private static async Task<JsonElement> Document(HttpClient client)
    {
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string Template(RouteEndpoint endpoint)
    {
        var template = "/" + endpoint.RoutePattern.RawText!.Trim('/');
        return template.Replace("//", "/", StringComparison.Ordinal);
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (path.Name, method.Name, method.Value);

    private static IEnumerable<JsonElement> Contents(JsonElement response) =>
        response.TryGetProperty("content", out var content) ? content.EnumerateObject().Select(c => c.Value) : [];

    private static List<string?> Codes(JsonElement responses, string status) =>
        responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
            .GetProperty("properties").GetProperty("code").GetProperty("enum").EnumerateArray().Select(c => c.GetString()).ToList();

    private static Task<HttpResponseMessage> Send(HttpClient client, string path, string method, JsonElement operation, string name)
    {
        foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
        {
            if (parameter.GetProperty("in").GetString() == "path")
            {
                var value = parameter.GetProperty("examples").GetProperty(name).GetProperty("value").GetString();
                path = path.Replace("{" + parameter.GetProperty("name").GetString() + "}", value, StringComparison.Ordinal);
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
        if (operation.TryGetProperty("requestBody", out var body)
            && body.GetProperty("content").GetProperty("application/json").TryGetProperty("examples", out var bodies)
            && bodies.TryGetProperty(name, out var example))
        {
            request.Content = new StringContent(example.GetProperty("value").GetRawText(), Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    /// <summary>The status, and every property the example shows, with its value (what a client would branch on).</summary>
    private static async Task AssertAnswered(HttpResponseMessage response, int status, JsonElement expected, string example)
    {
        var actual = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(status == (int)response.StatusCode, $"{example}: {(int)response.StatusCode} {actual}");
        foreach (var property in expected.EnumerateObject())
        {
            Assert.True(actual.TryGetProperty(property.Name, out var value), $"{example}: no {property.Name} in {actual}");
            Assert.True(JsonElement.DeepEquals(property.Value, value), $"{example}: {property.Name} is {value}, not {property.Value}");
        }
    }
}

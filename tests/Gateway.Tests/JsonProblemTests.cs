using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>An unreadable body is answered with what to fix: which field, or that the body is not JSON.</summary>
[Collection(GatewayCollection.Name)]
public sealed class JsonProblemTests(GatewayCluster cluster)
{
    private readonly HttpClient client = cluster.Gateway.CreateClient();

    [Theory]
    [InlineData("{\"lastName\":42}", "lastName", "type attendu")]
    [InlineData("{\"newsletter\":\"yes\"}", "newsletter", "type attendu")]
    [InlineData("{\"isAdmin\":true}", "isAdmin", "pas attendu")]
    [InlineData("{\"lastName\":\"A\",\"lastName\":\"B\"}", "lastName", "plusieurs fois")]
    [InlineData("{\"lastName\":", "body", "JSON valide")]
    [InlineData("lastName=COMET", "body", "JSON valide")]
    [InlineData("[1,2]", "body", "JSON valide")]
    public async Task The_problem_names_the_field_or_the_body(string body, string field, string words)
    {
        var response = await client.PostRaw("/api/enrolments", body);

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation");
        var message = Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.Contains(words, message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
    }
}

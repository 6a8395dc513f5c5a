using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>A body of the wrong shape names each field as the JSON does, with one French message, whoever checked it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class FieldProblemTests(GatewayCluster cluster)
{
    private readonly HttpClient client = cluster.Gateway.CreateClient();

    [Fact]
    public async Task A_second_field_is_named_in_camel_case_with_its_one_message()
    {
        var id = await new JourneyDriver(client).AtConfirmPhone(cluster.Directory.NewMember(withMobile: true));

        var response = await client.PostJson($"/api/enrolments/{id}/phone", new { phone = "0611223344", phoneConfirmation = "0611223345" });

        var errors = (await response.AssertProblem(HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.Equal(["phoneConfirmation"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("Les deux numéros ne sont pas identiques.", Assert.Single(errors.GetProperty("phoneConfirmation").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("{}")]
    public async Task A_body_left_out_names_every_missing_field(string? body)
    {
        var response = await client.PostRaw("/api/sessions", body);

        var errors = (await response.AssertProblem(HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.Equal(["memberNumber", "secret"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("Saisissez votre mot de passe ou votre code d'accès provisoire.", Assert.Single(errors.GetProperty("secret").EnumerateArray()).GetString());
    }
}

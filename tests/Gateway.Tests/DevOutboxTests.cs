using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.Grains.Delivery;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>The development outbox: what was sent, newest first, found however the phone or number is typed.</summary>
[Collection(GatewayCollection.Name)]
public sealed class DevOutboxTests(GatewayCluster cluster)
{
    private readonly HttpClient client = cluster.Gateway.CreateClient();

    [Fact]
    public async Task Sms_are_listed_newest_first_for_the_phone_however_it_is_typed()
    {
        cluster.Sms.Sent.Enqueue(new SmsMessage(Guid.NewGuid(), "0698765401", "Votre code : 111111"));
        cluster.Sms.Sent.Enqueue(new SmsMessage(Guid.NewGuid(), "0698765401", "Votre code : 222222"));

        var listed = await (await client.GetAsync("/dev/outbox/sms?to=%2B33%206%2098%2076%2054%2001")).AssertSuccess();

        var texts = listed.EnumerateArray().Select(sms => sms.Text("text")).ToList();
        Assert.Equal(["Votre code : 222222", "Votre code : 111111"], texts);
    }

    [Fact]
    public async Task Letters_are_listed_for_the_member_number_with_or_without_its_dot()
    {
        var listed = await (await client.GetAsync("/dev/outbox/letters?memberNumber=99999999.99")).AssertSuccess();

        Assert.Equal(0, listed.GetArrayLength());
    }

    [Theory]
    [InlineData("/dev/outbox/sms")]
    [InlineData("/dev/outbox/sms?to=")]
    [InlineData("/dev/outbox/sms?to=0512345678")]
    [InlineData("/dev/outbox/sms?to=%3Cscript%3E")]
    [InlineData("/dev/outbox/letters")]
    [InlineData("/dev/outbox/letters?memberNumber=12345")]
    [InlineData("/dev/outbox/letters?memberNumber=%27%20OR%201%3D1")]
    public async Task A_missing_or_malformed_query_is_a_400(string path)
    {
        var response = await client.GetAsync(path);

        await response.AssertProblem(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task The_outbox_does_not_exist_outside_development()
    {
        using var certificate = new TestCertificate();
        await using var production = cluster.NewGateway(certificate.Settings, "Production");

        var response = await production.CreateClient().GetAsync("/dev/outbox/sms?to=0698765401");

        await response.AssertProblem(HttpStatusCode.NotFound, "not-found");
    }
}

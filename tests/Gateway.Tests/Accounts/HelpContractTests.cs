using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;

namespace Enrolment.Gateway.Tests.Accounts;

[Collection(GatewayCollection.Name)]
public sealed class HelpContractTests(GatewayCluster cluster)
{
    [Fact]
    public async Task Member_number_help_says_where_to_find_it_and_whom_to_call()
    {
        var help = await (await cluster.Gateway.CreateClient().GetAsync("/api/help/member-number")).AssertSuccess();

        var text = string.Join('\n', help.Text("text"), string.Join('\n', help.GetProperty("whereToFind").EnumerateArray().Select(e => e.GetString())),
            string.Join('\n', help.GetProperty("helpNumbers").EnumerateArray().Select(e => e.Text("number"))));
        Assert.Contains("Vos références", text, StringComparison.Ordinal);
        Assert.Contains("carte de tiers payant", text, StringComparison.Ordinal);
        Assert.Contains("titre de retraite", text, StringComparison.Ordinal);
        Assert.Contains("0 173 173 535", text, StringComparison.Ordinal);
        Assert.Contains("0 173 173 500", text, StringComparison.Ordinal);
        Assert.Equal("XXXXXXXX.XX", help.Text("format"));
    }
}

using System.Text.Json;
using Enrolment.Gateway.Http;
using Enrolment.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>The cluster out of reach is a 503 to retry, never a 500; a real fault stays a 500 without details.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ClusterUnavailableTests(GatewayCluster cluster)
{
    public static TheoryData<Exception> Transient => new()
    {
        new SiloUnavailableException(),
        new SiloUnavailableException("gateway gone"),
        new TimeoutException("response timed out"),
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task A_cluster_out_of_reach_is_a_503_with_retry_after(Exception exception)
    {
        var (handled, context, problem) = await Handle(exception);

        Assert.True(handled);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("unavailable", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("gateway gone", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_fault_is_left_to_the_generic_500()
    {
        var (handled, _, _) = await Handle(new InvalidOperationException("bug"));

        Assert.False(handled);
    }

    private async Task<(bool Handled, HttpContext Context, JsonElement Problem)> Handle(Exception exception)
    {
        await using var scope = cluster.Gateway.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Response.Body = new MemoryStream();
        var handler = new ClusterUnavailableHandler(
            scope.ServiceProvider.GetRequiredService<IProblemDetailsService>(), NullLogger<ClusterUnavailableHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        context.Response.Body.Position = 0;
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (handled, context, handled ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}

using System.Text;
using Enrolment.Gateway.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Xunit;

namespace Enrolment.Gateway.Tests.Security;

/// <summary>
/// While a killed silo is being declared dead or the database restarts, the member is told to try again shortly
/// (503 with Retry-After), not that something broke; a genuine fault is still a 500.
/// </summary>
public sealed class ClusterUnavailableTests
{
    public static TheoryData<Exception> Transient => new()
    {
        new TimeoutException("Response did not arrive on time"),
        new SiloUnavailableException(),
        new InvalidOperationException("wrapped", new TimeoutException()),
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task A_cluster_fault_is_a_503_unavailable_problem_with_retry_after(Exception fault)
    {
        var (handler, context) = Handler();

        Assert.True(await handler.TryHandleAsync(context, fault, CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        var body = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Contains("\"code\":\"unavailable\"", body, StringComparison.Ordinal);
        Assert.Contains("\"retryAfterSeconds\":5", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_genuine_fault_is_left_to_the_generic_500()
    {
        var (handler, context) = Handler();

        Assert.False(await handler.TryHandleAsync(context, new InvalidOperationException("a bug"), CancellationToken.None));
    }

    private static (ClusterUnavailableExceptionHandler, HttpContext) Handler()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        return (new ClusterUnavailableExceptionHandler(services.GetRequiredService<IProblemDetailsService>()), context);
    }
}

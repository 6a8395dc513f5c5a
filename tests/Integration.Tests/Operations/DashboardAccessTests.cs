using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Enrolment.Integration.Tests.LoadTest;
using Enrolment.Integration.Tests.Platform;
using Enrolment.Integration.Tests.Reliability;

namespace Enrolment.Integration.Tests.Operations;

/// <summary>
/// Outside Development the silo's dashboard asks for Management:DashboardPassword, and without one it is closed to
/// everyone, while /metrics on the same listener stays readable by the scraper.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class DashboardAccessTests
{
    private const string Password = "a-dashboard-password-for-operators";

    [Fact]
    public async Task A_production_silo_opens_its_dashboard_only_to_the_configured_credential()
    {
        var (silo, management) = StartProductionSilo(Password);
        using (silo)
        {
            using var http = await ManagementClientAsync(management, silo);

            Assert.Equal(HttpStatusCode.Unauthorized, await DashboardStatusAsync(http, credential: null));
            Assert.Equal(HttpStatusCode.Unauthorized, await DashboardStatusAsync(http, "operator:not-the-password"));
            Assert.Equal(HttpStatusCode.OK, await DashboardStatusAsync(http, $"operator:{Password}"));
        }
    }

    [Fact]
    public async Task A_production_silo_without_a_dashboard_password_refuses_everyone()
    {
        var (silo, management) = StartProductionSilo(password: null);
        using (silo)
        {
            using var http = await ManagementClientAsync(management, silo);

            Assert.Equal(HttpStatusCode.Unauthorized, await DashboardStatusAsync(http, credential: null));
            Assert.Equal(HttpStatusCode.Unauthorized, await DashboardStatusAsync(http, "operator:"));
        }
    }

    private static (BuiltProgram Silo, Uri Management) StartProductionSilo(string? password)
    {
        var management = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        var cluster = $"dashboard-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Enrolment"] = TestDatabase.ConnectionString,
            ["Orleans__ClusterId"] = cluster,
            ["Orleans__ServiceId"] = cluster,
            ["Orleans__SiloPort"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Management__Urls"] = management.ToString().TrimEnd('/'),
            ["Delivery__Sms__Provider"] = "Http",
            ["Delivery__Sms__Http__Url"] = "https://sms.example.test/v1/sms",
            ["Delivery__Sms__Http__ApiKey"] = "key",
            ["Delivery__Letters__Provider"] = "PrintBatch",
            ["Delivery__Letters__PrintBatch__Directory"] = Path.GetTempPath(),
        };
        if (password is not null)
        {
            settings["Management__DashboardPassword"] = password;
        }

        return (BuiltProgram.Start("Silo", settings), management);
    }

    /// <summary>A client of the management listener, once its /metrics answers (the silo has started).</summary>
    private static async Task<HttpClient> ManagementClientAsync(Uri management, BuiltProgram silo)
    {
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.True(
            async () =>
            {
                Assert.False(silo.HasExited, silo.LastLines);
                try
                {
                    using var metrics = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
                    return metrics.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false; // Not listening yet.
                }
            },
            () => $"/metrics at {management}:\n{silo.LastLines}",
            TimeSpan.FromSeconds(90),
            TimeSpan.FromMilliseconds(500));
        return http;
    }

    private static async Task<HttpStatusCode> DashboardStatusAsync(HttpClient http, string? credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/", UriKind.Relative));
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credential)));
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Enrolment.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Enrolment.Gateway.Tests.FranceConnect;

/// <summary>
/// A browser's round trip, one redirect at a time: the gateway's /franceconnect/login, the provider's authorize and
/// login screen (an identity chosen, or « Annuler »), back to the gateway's callback. Each side keeps its cookies.
/// </summary>
public sealed partial class FranceConnectFlow(GatewayFactory gateway) : IDisposable
{
    private static readonly Uri GatewayBase = new("http://localhost");

    private readonly CookieContainer _gatewayCookies = new();
    private readonly HttpClient _gateway = gateway.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = GatewayBase,
    });

    private readonly HttpClient _provider = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    /// <summary>Goes through the provider as <paramref name="identity"/> (null: cancel); returns the callback's answer.</summary>
    public async Task<HttpResponseMessage> SignIn(string? identity, Func<string, string>? changeCallback = null, Func<string, string>? changeAuthorize = null)
    {
        var login = await Gateway(HttpMethod.Get, "/franceconnect/login");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var authorize = login.Headers.Location!.ToString();
        var interaction = await Follow(await _provider.GetAsync(changeAuthorize?.Invoke(authorize) ?? authorize));
        var form = new FormUrlEncodedContent(identity is null
            ? new Dictionary<string, string> { ["cancel"] = "1" }
            : new Dictionary<string, string> { ["identity"] = identity });
        var back = await Follow(await _provider.PostAsync(interaction, form));
        Assert.StartsWith("http://localhost/franceconnect/callback?", back.ToString(), StringComparison.Ordinal);
        var callback = back.PathAndQuery;
        return await Gateway(HttpMethod.Get, changeCallback?.Invoke(callback) ?? callback);
    }

    /// <summary>A request to the gateway with this browser's cookies, keeping the ones it sets.</summary>
    public async Task<HttpResponseMessage> Gateway(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (_gatewayCookies.GetCookieHeader(GatewayBase) is { Length: > 0 } cookies)
        {
            request.Headers.Add("Cookie", cookies);
        }

        var response = await _gateway.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                _gatewayCookies.SetCookies(GatewayBase, setCookie);
            }
        }

        return response;
    }

    public bool HasSession => _gatewayCookies.GetCookies(GatewayBase)["enrolment.session"] is { Value.Length: > 0 };

    public void Dispose()
    {
        _gateway.Dispose();
        _provider.Dispose();
    }

    /// <summary>Follows the provider's own redirects; stops at the first address outside it (or at its login screen).</summary>
    private async Task<Uri> Follow(HttpResponseMessage response)
    {
        var at = response.RequestMessage!.RequestUri!;
        while (true)
        {
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found))
            {
                var page = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, page);
                Assert.Matches(InteractionForm(), page);
                return at;
            }

            var next = new Uri(at, response.Headers.Location!);
            if (next.Host == "localhost")
            {
                return next;
            }

            at = next;
            response = await _provider.GetAsync(next);
        }
    }

    [GeneratedRegex("<form method=\"post\" action=\"/interaction/")]
    private static partial Regex InteractionForm();
}

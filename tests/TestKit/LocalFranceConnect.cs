using System.Diagnostics;

namespace Enrolment.TestKit;

/// <summary>
/// The local OpenID Connect provider set up like FranceConnect (tests/franceconnect/provider.mjs, oidc-provider from
/// the repository's node_modules), on a free port, for as long as the fixture lives. <see cref="SetMode"/> makes it
/// misbehave the way the script lists.
/// </summary>
public sealed class LocalFranceConnect : IAsyncLifetime
{
    public const string ClientId = "franceconnect-test";
    public const string ClientSecret = "secret-de-test-franceconnect-0123456789";

    private readonly string _redirectBases;
    private Process? _node;

    /// <param name="gatewayBases">The gateway addresses (scheme, host, port) whose callbacks the provider accepts.</param>
    public LocalFranceConnect(params string[] gatewayBases) => _redirectBases = string.Join(",", gatewayBases);

    /// <summary><c>http://127.0.0.1:PORT/api/v2</c>, once started.</summary>
    public string Issuer { get; private set; } = "";

    public Uri Origin => new(new Uri(Issuer).GetLeftPart(UriPartial.Authority));

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("node", Path.Combine(root, "tests", "franceconnect", "provider.mjs"))
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = "0";
        start.Environment["FC_CLIENT_SECRET"] = ClientSecret;
        start.Environment["FC_REDIRECT_URIS"] = Uris("/franceconnect/callback");
        start.Environment["FC_POST_LOGOUT_URIS"] = Uris("/franceconnect/logged-out");
        _node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _node.ErrorDataReceived += (_, _) => { };
        _node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                Issuer = line["listening ".Length..].Trim();
                return;
            }
        }

        throw new InvalidOperationException("the local FranceConnect provider exited before listening (is `npm ci` done?)");
    }

    /// <summary>normal, forged-signature, unknown-kid, rotated, unsigned, json or expired-id-token.</summary>
    public async Task SetMode(string mode)
    {
        using var http = new HttpClient();
        (await http.PostAsync(new Uri(Origin, $"/test/mode?userinfo={mode}"), null)).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        if (_node is { HasExited: false })
        {
            _node.Kill(entireProcessTree: true);
        }

        _node?.Dispose();
        return Task.CompletedTask;
    }

    private string Uris(string path) => string.Join(",", _redirectBases.Split(',').Select(b => b.TrimEnd('/') + path));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "tests", "franceconnect", "provider.mjs")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("tests/franceconnect/provider.mjs not found above " + AppContext.BaseDirectory);
    }
}

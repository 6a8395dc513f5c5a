using Enrolment.TestKit;

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>Most tests share one product (silo, gateway, database) and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class ProductCollection : ICollectionFixture<ProductStack>, ICollectionFixture<Chromium>
{
    public const string Name = "product";
}

/// <summary>The expired-code test runs on a product whose codes live 3 seconds.</summary>
[CollectionDefinition(Name)]
public sealed class ShortCodeCollection : ICollectionFixture<ShortCodeStack>, ICollectionFixture<Chromium>
{
    public const string Name = "short codes";
}

/// <summary>The product with a 3-second code lifetime: a code expires while the member watches.</summary>
public sealed class ShortCodeStack : ProductStack
{
    protected override IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        ["Enrolment__CodeLifetime"] = "00:00:03",
        ["Enrolment__CodeSpacing"] = "00:00:01",
    };
}

/// <summary>The FranceConnect walks run on a product registered with the local provider, in a database of their own.</summary>
[CollectionDefinition(Name)]
public sealed class FranceConnectCollection : ICollectionFixture<FranceConnectStack>, ICollectionFixture<Chromium>
{
    public const string Name = "franceconnect";
}

/// <summary>The product with the local provider set up like FranceConnect (tests/franceconnect/provider.mjs) beside it.</summary>
public sealed class FranceConnectStack : ProductStack
{
    private LocalFranceConnect? _provider;

    public LocalFranceConnect Provider => _provider ?? throw new InvalidOperationException("The stack is not started.");

    protected override async Task<IReadOnlyDictionary<string, string>> GatewaySettingsAsync(Uri baseAddress)
    {
        _provider = new LocalFranceConnect(baseAddress.ToString().TrimEnd('/'));
        await _provider.InitializeAsync();
        return new Dictionary<string, string>
        {
            ["FranceConnect__Authority"] = _provider.Issuer,
            ["FranceConnect__ClientId"] = LocalFranceConnect.ClientId,
            ["FranceConnect__ClientSecret"] = LocalFranceConnect.ClientSecret,
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}

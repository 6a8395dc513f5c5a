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

using Xunit;

namespace Enrolment.Grains.Tests.Accounts;

[CollectionDefinition(Name)]
public sealed class AccountCollection : ICollectionFixture<AccountClusterFixture>
{
    public const string Name = "accounts";
}

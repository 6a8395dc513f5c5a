using Enrolment.Grains.Passwords;
using Microsoft.Extensions.Options;

namespace Enrolment.Grains.Tests.Passwords;

public sealed class Argon2PasswordHasherTests
{
    private static Argon2PasswordHasher Hasher(int memoryKib = 1024, int passes = 1) =>
        new(Options.Create(new PasswordHashingOptions { MemoryKib = memoryKib, Passes = passes }));

    [Fact]
    public async Task A_hash_describes_itself_and_verifies_only_its_secret()
    {
        using var hasher = Hasher();
        var hash = await hasher.HashAsync("Vanves92Soleil7");

        Assert.Matches(@"^\$argon2id\$v=19\$m=1024,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$", hash);
        Assert.True((await hasher.VerifyAsync("Vanves92Soleil7", hash)).Matches);
        Assert.False((await hasher.VerifyAsync("Vanves92Soleil8", hash)).Matches);
        Assert.NotEqual(hash, await hasher.HashAsync("Vanves92Soleil7"));
    }

    [Fact]
    public async Task The_default_cost_is_owasps()
    {
        using var hasher = new Argon2PasswordHasher(Options.Create(new PasswordHashingOptions()));
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", await hasher.HashAsync("Vanves92Soleil7"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hash_weaker_than_configured_asks_for_a_rehash_once_verified()
    {
        using var weak = Hasher(512, 1);
        using var strong = Hasher(1024, 2);
        var hash = await weak.HashAsync("Vanves92Soleil7");

        Assert.Equal(new SecretCheck(true, true), await strong.VerifyAsync("Vanves92Soleil7", hash));
        Assert.Equal(new SecretCheck(false, false), await strong.VerifyAsync("wrong", hash));
        Assert.Equal(new SecretCheck(true, false), await weak.VerifyAsync("Vanves92Soleil7", hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$$")]
    public async Task A_malformed_stored_hash_never_matches(string stored)
    {
        using var hasher = Hasher();
        Assert.False((await hasher.VerifyAsync("anything", stored)).Matches);
    }
}

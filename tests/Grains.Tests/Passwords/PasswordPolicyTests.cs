using Enrolment.Grains.Passwords;

namespace Enrolment.Grains.Tests.Passwords;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordOwner Paul = new("1234567890", new DateOnly(1985, 8, 1), "COMET");
    private static readonly PasswordOwner MarieHelene = new("2345678901", new DateOnly(1972, 2, 29), "D'ARCY");

    [Theory]
    [InlineData("Vanves92Soleil7")]
    [InlineData("a1b2c3d4e5Z")]
    [InlineData("TrainBleu4Nuit")]
    public void A_good_password_passes(string password) =>
        Assert.Empty(PasswordPolicy.Check(password, password, Paul));

    [Theory]
    [InlineData("Ab3xY9", "entre 8 et 64")]
    [InlineData("Plume-Verte-42", "lettres et des chiffres")]
    [InlineData("Plumeé4Verte", "lettres et des chiffres")]
    [InlineData("x1234567890x", "identifiant")]
    [InlineData("Nuit01081985", "date de naissance")]
    [InlineData("Nuit19850801", "date de naissance")]
    [InlineData("MonCometBleu7", "nom")]
    [InlineData("PASSWORD123", "plus courants")]
    [InlineData("azertyuiop", "plus courants")]
    [InlineData("12345678", "plus courants")]
    public void Each_broken_rule_is_named(string password, string words)
    {
        var errors = PasswordPolicy.Check(password, password, Paul);
        Assert.Contains(errors[PasswordPolicy.PasswordField], message => message.Contains(words, StringComparison.Ordinal));
        Assert.DoesNotContain(PasswordPolicy.ConfirmationField, errors.Keys);
    }

    [Fact]
    public void Longer_than_64_characters_is_refused() =>
        Assert.NotEmpty(PasswordPolicy.Check(new string('k', 60) + "Zq7w9", new string('k', 60) + "Zq7w9", Paul)[PasswordPolicy.PasswordField]);

    [Fact]
    public void A_confirmation_that_differs_is_named_under_its_own_field()
    {
        var errors = PasswordPolicy.Check("Vanves92Soleil7", "Vanves92Soleil8", Paul);
        Assert.Equal([PasswordPolicy.ConfirmationField], errors.Keys);
    }

    [Theory]
    [InlineData("darcy2024Zx")]
    [InlineData("ArcyMarie77q")]
    public void A_last_name_with_an_apostrophe_is_still_found(string password) =>
        Assert.Contains(PasswordPolicy.PasswordField, PasswordPolicy.Check(password, password, MarieHelene).Keys);

    [Fact]
    public void Every_rule_broken_at_once_is_listed() =>
        Assert.Equal(4, PasswordPolicy.Check("comet-01081985-1234567890", "", Paul)[PasswordPolicy.PasswordField].Length);
}

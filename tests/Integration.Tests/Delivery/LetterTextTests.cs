using Enrolment.Silo.Delivery;

namespace Enrolment.Integration.Tests.Delivery;

public sealed class LetterTextTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 26, 13, 5, 0, TimeSpan.Zero);

    [Fact]
    public void The_letter_is_addressed_to_the_member_at_the_postal_address_on_file()
    {
        var text = LetterText.Compose(Letters.ForMarieHelene(IssuedAt));

        Assert.StartsWith("MARIE-HÉLÈNE D'ARCY\n3 PLACE DU MARCHÉ\n69002 LYON\n", text, StringComparison.Ordinal);
        Assert.Contains("Vos références : 23456789.01", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letter_gives_the_provisional_code_and_its_expiry_in_Paris_time()
    {
        var text = LetterText.Compose(Letters.ForMarieHelene(IssuedAt));

        Assert.Contains("code d'accès provisoire", text, StringComparison.Ordinal);
        Assert.Contains("\n    K7MP4XR9TW\n", text, StringComparison.Ordinal);
        // 30 days after 26 November 2026 13:05 UTC is 26 December, 14:05 in Paris (winter time, UTC+1).
        Assert.Contains("valable jusqu'au 26 décembre 2026 à 14 h 05 (heure de Paris)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letter_explains_the_first_login_as_the_guide_does()
    {
        var text = LetterText.Compose(Letters.ForMarieHelene(IssuedAt));

        Assert.Contains("saisissez votre identifiant 23456789.01", text, StringComparison.Ordinal);
        Assert.Contains("« Mot de passe ou code d'accès provisoire »", text, StringComparison.Ordinal);
        Assert.Contains("Confirmez votre adresse e-mail", text, StringComparison.Ordinal);
        Assert.Contains("Créez votre mot de passe personnel puis confirmez-le", text, StringComparison.Ordinal);
        Assert.Contains("8 caractères au minimum, lettres et/ou chiffres, sans caractères spéciaux", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letter_has_unix_line_ends_whatever_the_machine()
    {
        var text = LetterText.Compose(Letters.ForMarieHelene(IssuedAt));

        Assert.DoesNotContain('\r', text);
    }
}

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>A member of the directory as a test uses them: what they type, and what the product should show back.</summary>
public sealed record TestMember(
    string MemberNumber,
    string LastName,
    string FirstName,
    DateOnly BirthDate,
    string Street,
    string PostalCode,
    string City,
    string? MobilePhone)
{
    /// <summary>The two members of the specification, seeded by the silo's own seeding command.</summary>
    public static readonly TestMember PaulComet = new(
        "1234567890", "COMET", "PAUL", new DateOnly(1985, 8, 1), "74 RUE JEAN BLEUZEN", "92177", "VANVES", "0639983708");

    public static readonly TestMember MarieHeleneDArcy = new(
        "2345678901", "D'ARCY", "MARIE-HÉLÈNE", new DateOnly(1972, 2, 29), "3 PLACE DU MARCHÉ", "69002", "LYON", null);

    /// <summary>The member number as printed on letters: <c>12345678.90</c>.</summary>
    public string PrintedNumber => $"{MemberNumber[..8]}.{MemberNumber[8..]}";

    /// <summary>The birth date as the member types it: <c>01/08/1985</c>.</summary>
    public string TypedBirthDate => BirthDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public string Address => $"{Street} {PostalCode} {City}";

    /// <summary>The last four digits as the wizard shows them: <c>XX XX XX 37 08</c>.</summary>
    public string? MaskedPhone => MobilePhone is null ? null : $"XX XX XX {MobilePhone[6..8]} {MobilePhone[8..]}";
}

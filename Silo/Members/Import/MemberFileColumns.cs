namespace Enrolment.Silo.Members.Import;

/// <summary>The columns of the insurer's member file (docs/import.md), in any order, and the longest value each takes.</summary>
public static class MemberFileColumns
{
    public const string MemberNumber = "numero_adherent";
    public const string LastName = "nom";
    public const string FirstNames = "prenoms";
    public const string BirthDate = "date_naissance";
    public const string Street = "adresse";
    public const string PostalCode = "code_postal";
    public const string City = "ville";
    public const string Mobile = "portable";

    public static readonly IReadOnlyList<string> All = [MemberNumber, LastName, FirstNames, BirthDate, Street, PostalCode, City, Mobile];

    public const int NameLength = 100;
    public const int StreetLength = 200;
    public const int CityLength = 100;
    public const int PhoneLength = 30;
}

using Enrolment.Grains.Members;
using Enrolment.Silo.Members.Import;

namespace Enrolment.Integration.Tests.Import;

/// <summary>What the import reads from the insurer's file, and the problems it names, before any database is involved.</summary>
public sealed class MemberFileTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void A_messy_export_is_read_as_the_members_it_lists()
    {
        var path = MemberFiles.WriteText(
            "ville;PORTABLE;nom;prenoms;numero_adherent;date_naissance;adresse;code_postal;agence\r\n" +
            "PARIS;+33 6 12 34 56 78;CŒUR;Anaïs;11223344.55;03/04/1981;\"12 rue des Lilas; bât. B\";75011;Nord\r\n" +
            "\r\n" +
            "NICE;;L'Hôte;Jean-Noël;9988776655;1990-12-31;\"Résidence du Parc\r\n4 allée Verte\";06000;Sud\r\n" +
            "LYON;07.61.22.33.44;MØLLER;Åse;1234567890;29/02/1972;3 place Bellecour;69002;\r\n");

        var file = MemberFile.Open(path, Today);
        var members = file.Members().ToList();

        Assert.Empty(file.Problems);
        Assert.Equal(3, file.Rows);
        Assert.Equal(["1122334455", "9988776655", "1234567890"], members.Select(m => m.MemberNumber));
        Assert.Equal(("CŒUR", "Anaïs", new DateOnly(1981, 4, 3)), (members[0].LastName, members[0].FirstName, members[0].BirthDate));
        Assert.Equal("12 rue des Lilas; bât. B", members[0].Address.Street);
        Assert.Equal("0612345678", members[0].MobilePhone);
        Assert.Equal(("Résidence du Parc 4 allée Verte", "06000", "NICE"), (members[1].Address.Street, members[1].Address.PostalCode, members[1].Address.City));
        Assert.Null(members[1].MobilePhone);
        Assert.Equal("0761223344", members[2].MobilePhone);
    }

    [Fact]
    public void Every_bad_row_is_named_by_its_line_and_column()
    {
        var path = MemberFiles.Write(
            "1111111111;DUPONT;Jean;01/02/1960;1 rue A;75001;PARIS;",
            "\"2222222222\";MARTIN;\"Anne\r\nMarie\";01/02/1960;1 rue A;75001;PARIS;",
            "12345;DURAND;Luc;31/02/1980;1 rue A;6000;PARIS;01",
            "1111111111;PETIT;Léa;1960-13-01;1 rue A;75001;PARIS;",
            "#3333333333;ROBERT;Paul;2030-01-01;1 rue A;75001;PARIS;06 12 34 56 78 90",
            $"4444444444;{new string('A', 101)};Zoé;01/02/1960;1 rue\ta;75001;PARIS;",
            "5555555555;SIMON;Éric");

        var file = MemberFile.Open(path, Today);
        _ = file.Members().ToList();

        Assert.Equal(
            [
                "line 5: numero_adherent: not a member number (XXXXXXXX.XX or 10 digits)",
                "line 5: date_naissance: impossible date",
                "line 5: code_postal: not a French postal code (5 digits)",
                "line 5: portable: not a French phone number",
                "line 6: date_naissance: impossible date",
                "line 6: numero_adherent: 1111111111 already on line 2",
                "line 7: numero_adherent: not a member number (XXXXXXXX.XX or 10 digits)",
                "line 7: date_naissance: impossible date",
                "line 7: portable: not a French phone number",
                "line 8: nom: longer than 100 characters",
                "line 8: adresse: control character",
                "line 9: date_naissance: missing",
                "line 9: adresse: missing",
                "line 9: code_postal: missing",
                "line 9: ville: missing",
            ],
            file.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_missing_column_stops_the_reading_at_the_header()
    {
        var file = MemberFile.Open(MemberFiles.WriteText("numero_adherent;nom;prenoms;date_naissance;adresse;ville\n1111111111;A;B;01/01/1960;x;PARIS\n"), Today);

        Assert.Empty(file.Members());
        Assert.Equal(["line 1: code_postal: missing column", "line 1: portable: missing column"], file.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Only_the_first_hundred_problems_are_kept_but_all_are_counted()
    {
        var rows = Enumerable.Range(0, 150).Select(i => $"{i};A;B;01/01/1960;x;75001;PARIS;").ToArray();
        var file = MemberFile.Open(MemberFiles.Write(rows), Today);
        _ = file.Members().ToList();

        Assert.Equal(100, file.Problems.Count);
        Assert.Equal(150, file.ProblemCount);
    }

    [Theory]
    [InlineData("Cœur", "coeur")]
    [InlineData("LÆTITIA", "laetitia")]
    [InlineData("Weiß", "weiss")]
    [InlineData("Søren", "soren")]
    [InlineData("MØLLER-ŒUVRE", "moller oeuvre")]
    public void Ligatures_and_stroked_letters_are_spelt_out_as_a_member_types_them(string written, string key) =>
        Assert.Equal(key, NameKey.Normalise(written));
}

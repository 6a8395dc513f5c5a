using System.Net;
using System.Net.Http.Json;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Passwords;

namespace Enrolment.Integration.Tests.Import;

/// <summary>The insurer's file imported by the silo's command, then met by members through the gateway.</summary>
public sealed class MemberImportTests(ImportStack stack) : IClassFixture<ImportStack>
{
    [Fact]
    public async Task Members_of_a_messy_export_are_found_by_the_identity_search()
    {
        var coeur = MemberFiles.NewMemberNumber();
        var hote = MemberFiles.NewMemberNumber();
        var path = MemberFiles.WriteText(
            "nom;prenoms;numero_adherent;date_naissance;adresse;code_postal;ville;portable\r\n" +
            $"CŒUR;Anaïs;{coeur};03/04/1981;\"12 rue des Lilas; bât. B\";75011;PARIS;+33 6 12 34 56 78\r\n" +
            $"L'Hôte;Jean-Noël;{hote.Replace(".", "", StringComparison.Ordinal)};1990-12-31;\"Résidence du Parc\r\n4 allée Verte\";06000;NICE;\r\n");

        var (exitCode, output) = await stack.ImportAsync(path);

        Assert.True(exitCode == 0, output);
        Assert.EndsWith("added 2, updated 0, unchanged 0, departed 0", output, StringComparison.Ordinal);
        var (status, found) = await stack.SearchAsync("Coeur", "anais", "1981-04-03");
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("confirm-identity", found.GetProperty("step").GetString());
        Assert.Equal("12 rue des Lilas; bât. B 75011 PARIS", found.GetProperty("identity").GetProperty("address").GetString());
        Assert.Equal(HttpStatusCode.Created, (await stack.SearchAsync("L HOTE", "Jean Noel", "1990-12-31")).Status);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_loads_nothing_and_names_the_line()
    {
        var path = MemberFiles.Write(
            $"{MemberFiles.NewMemberNumber()};FONTAINE;Irène;12/05/1970;5 rue Haute;35000;RENNES;",
            $"{MemberFiles.NewMemberNumber()};FONTAINE;Odile;30/02/1971;5 rue Haute;35000;RENNES;");

        var (exitCode, output) = await stack.ImportAsync(path);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 3: date_naissance: impossible date", output, StringComparison.Ordinal);
        Assert.Contains("nothing was loaded", output, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Created, (await stack.SearchAsync("FONTAINE", "Irène", "1970-05-12")).Status);
    }

    [Fact]
    public async Task A_second_import_updates_the_address_the_member_then_confirms()
    {
        var number = MemberFiles.NewMemberNumber();
        var neighbour = $"{MemberFiles.NewMemberNumber()};VASSEUR;Bruno;02/02/1962;8 rue Basse;59000;LILLE;";
        await stack.ImportAsync(MemberFiles.Write($"{number};VASSEUR;Agnès;01/01/1961;8 rue Basse;59000;LILLE;0611223344", neighbour));

        var (exitCode, output) = await stack.ImportAsync(
            MemberFiles.Write($"{number};VASSEUR;Agnès;01/01/1961;27 quai du Wault;59000;LILLE;0611223344", neighbour));

        Assert.True(exitCode == 0, output);
        Assert.EndsWith("added 0, updated 1, unchanged 1, departed 0", output, StringComparison.Ordinal);
        var (_, found) = await stack.SearchAsync("Vasseur", "Agnes", "1961-01-01");
        Assert.Equal("27 quai du Wault 59000 LILLE", found.GetProperty("identity").GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_full_import_makes_a_departed_member_unfindable_while_their_account_still_signs_in()
    {
        var staying = $"{MemberFiles.NewMemberNumber()};BRUNEAU;Lucie;04/04/1984;1 rue Neuve;44000;NANTES;";
        var leaving = MemberFiles.NewMemberNumber();
        await stack.ImportAsync(MemberFiles.Write(staying, $"{leaving};BRUNEAU;Marc;05/05/1985;1 rue Neuve;44000;NANTES;"));
        var memberNumber = leaving.Replace(".", "", StringComparison.Ordinal);
        const string Password = "Soleil2024bleu";
        var hash = await stack.Silo.GetRequiredService<IPasswordHasher>().HashAsync(Password);
        await stack.Silo.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(memberNumber).Create(
            new NewAccount(Guid.NewGuid(), "MARC BRUNEAU", "marc@example.fr", false, null, false, null, hash, null, null));

        var (exitCode, output) = await stack.ImportAsync(MemberFiles.Write(staying), full: true);

        Assert.True(exitCode == 0, output);
        Assert.Contains("unchanged 1, departed ", output, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Created, (await stack.SearchAsync("BRUNEAU", "Marc", "1985-05-05")).Status);
        Assert.Equal(HttpStatusCode.Created, (await stack.SearchAsync("BRUNEAU", "Lucie", "1984-04-04")).Status);
        var signIn = await stack.Gateway.CreateClient().PostAsJsonAsync(
            new Uri("/api/sessions", UriKind.Relative), new { memberNumber, secret = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}

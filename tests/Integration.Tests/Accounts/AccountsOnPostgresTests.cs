using System.Net;
using System.Text;
using System.Text.Json;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Passwords;
using Enrolment.Integration.Tests.Platform;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enrolment.Integration.Tests.Accounts;

/// <summary>
/// Accounts on the real stack: silos on PostgreSQL, gateways with their own Orleans clients and the key ring kept in
/// grain storage. A sign-in lock outlives the silo that set it; a session cookie minted by one gateway signs the
/// member in on another, even once the first is gone.
/// </summary>
public sealed class AccountsOnPostgresTests : IAsyncLifetime
{
    private const string Password = "Soleil2024bleu";
    private readonly TestSilos silos = new(TestDatabase.ConnectionString);

    [Fact]
    public async Task A_sign_in_lock_survives_killing_the_silo_that_set_it()
    {
        var first = await silos.StartSiloAsync();
        var client = (await silos.StartGatewayClientAsync()).Services.GetRequiredService<IClusterClient>();
        var account = client.GetGrain<IAccountGrain>(UniqueMemberNumber());
        await account.Create(NewAccount(await first.Services.GetRequiredService<IPasswordHasher>().HashAsync(Password)));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RefusalCodes.InvalidCredentials, (await account.SignIn("Mauvais2024mot")).Refusal?.Code);
        }

        Assert.Equal(RefusalCodes.Locked, (await account.SignIn(Password)).Refusal?.Code);

        await silos.StartSiloAsync();
        await silos.KillAsync(first);

        var afterCrash = await Eventually.Answers(() => account.SignIn(Password));
        Assert.Equal(RefusalCodes.Locked, afterCrash.Refusal?.Code);
        Assert.InRange(afterCrash.Refusal!.RetryAfterSeconds!.Value, 1, 60);
    }

    [Fact]
    public async Task A_number_no_member_has_shows_the_same_decoy_digits_after_the_silos_restart()
    {
        var first = await silos.StartSiloAsync();
        var client = (await silos.StartGatewayClientAsync()).Services.GetRequiredService<IClusterClient>();
        var birthDate = new DateOnly(1985, 8, 1);
        string unknown;
        ResetView shown;
        do
        {
            unknown = UniqueMemberNumber();
            shown = (await client.GetGrain<IPasswordResetGrain>(unknown).Start(birthDate)).View!;
        }
        while (shown.MaskedPhone is null);

        // Nothing was stored for the number: its digits come back from the cluster's secret, kept in PostgreSQL.
        await silos.StartSiloAsync();
        await silos.KillAsync(first);
        var again = await Eventually.Answers(() => client.GetGrain<IPasswordResetGrain>(unknown).Start(birthDate));

        Assert.Equal(shown.MaskedPhone, again.View?.MaskedPhone);
    }

    [Fact]
    public async Task A_session_cookie_minted_by_one_gateway_is_accepted_by_another_after_the_first_is_gone()
    {
        var silo = await silos.StartSiloAsync();
        var client = (await silos.StartGatewayClientAsync()).Services.GetRequiredService<IClusterClient>();
        var memberNumber = UniqueMemberNumber();
        await client.GetGrain<IAccountGrain>(memberNumber).Create(NewAccount(await silo.Services.GetRequiredService<IPasswordHasher>().HashAsync(Password)));

        string cookie;
        await using (var first = Gateway())
        {
            var signIn = await first.CreateClient().PostAsync(
                "/api/sessions", Json(new { memberNumber, secret = Password }));
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("enrolment.session=", StringComparison.Ordinal)).Split(';')[0];
        }

        await using var second = Gateway();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", cookie);
        var me = await second.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(memberNumber, body.GetProperty("memberNumber").GetString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await silos.DisposeAsync();

    /// <summary>A whole gateway, configured as in production, whose Orleans client finds the test's silos in PostgreSQL.</summary>
    private WebApplicationFactory<Program> Gateway() =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Enrolment", TestDatabase.ConnectionString);
            web.UseSetting("Orleans:ClusterId", silos.ClusterId);
            web.UseSetting("Orleans:ServiceId", silos.ServiceId);
        });

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    private static string UniqueMemberNumber() => "9" + Random.Shared.NextInt64(100_000_000, 999_999_999);

    private static NewAccount NewAccount(string passwordHash) =>
        new(Guid.NewGuid(), "PAUL COMET", "paul@example.fr", false, null, false, null, passwordHash, null, null);
}

using System.Collections.Concurrent;
using System.Net;
using Enrolment.Integration.Tests.LoadTest;
using Npgsql;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// Issue 3: the silo holding a journey is killed (SIGKILL) between the member number and the code. The member
/// finishes through the other gateway and the other silo with the code already sent; nothing they were told
/// succeeded is lost.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class SiloKilledAtEnterCodeTests
{
    private readonly ConcurrentQueue<string> _lines = new();

    [Fact]
    public async Task The_member_finishes_on_the_other_silo_with_the_code_already_sent()
    {
        await using var stack = await RunningStack.StartAsync(new StackShape
        {
            Members = 1_000,
            Silos = 2,
            Gateways = 2,
            OnLine = _lines.Enqueue,
            Settings = JourneyEventLines.Shown,
        });
        using var first = new HttpClient { BaseAddress = stack.Gateways[0], Timeout = TimeSpan.FromSeconds(30) };
        using var second = new HttpClient { BaseAddress = stack.Gateways[1], Timeout = TimeSpan.FromSeconds(30) };
        var member = MemberOverHttp.WithOwnMobile(stack.Members, 1)[0];

        await member.ReachEnterCodeAsync(_ => first);
        var holder = SiloThatLogged("code-issued");
        stack.KillSilo(holder);

        // The step the member was told about is still there, read through the other gateway.
        var current = await Replayed.UntilAnsweredAsync(() => member.GetAsync(second));
        Assert.Equal("enter-code", MemberOverHttp.ExpectStatus(current, HttpStatusCode.OK).Step);

        var codes = await member.SmsCodesAsync(second);
        Assert.NotEmpty(codes);
        MemberOverHttp.ExpectStep(await Replayed.UntilAnsweredAsync(() => member.SubmitCodeAsync(second, codes[0])), "create-password");
        MemberOverHttp.ExpectStep(
            await Replayed.UntilAnsweredAsync(() => member.CreatePasswordAsync(second)),
            "completed");
        var signIn = await Replayed.UntilAnsweredAsync(() => member.SignInAsync(second, MemberOverHttp.Password));
        Assert.Equal("signed-in", MemberOverHttp.ExpectStatus(signIn, HttpStatusCode.OK).Status);

        Assert.Equal(1 - holder, SiloThatLogged("code-accepted"));
        Assert.True(await SmsRecordedForAsync(stack.ConnectionString, member.Member.MobilePhone!) >= 1);
    }

    /// <summary>Which silo logged this journey event (each silo's lines are prefixed "silo-N: ").</summary>
    private int SiloThatLogged(string journeyEvent)
    {
        var line = _lines.LastOrDefault(l => l.StartsWith("silo-", StringComparison.Ordinal) && l.Contains($"Enrolment {journeyEvent}", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No silo logged {journeyEvent}:\n{string.Join('\n', _lines.TakeLast(50))}");
        return line[5] - '0';
    }

    private static async Task<long> SmsRecordedForAsync(string connectionString, string phone)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM dev_outbox WHERE kind = 'sms' AND recipient = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = phone });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

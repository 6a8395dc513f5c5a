using System.Text.Json;
using Enrolment.Grains.Codes;
using Enrolment.Grains.Delivery;
using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>The silo stores grain state as System.Text.Json: the enrolment state must come back whole.</summary>
public sealed class StoredStateTests
{
    [Fact]
    public void The_enrolment_state_survives_a_json_round_trip()
    {
        var now = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var member = new MemberRecord("1234567890", "COMET", "PAUL", new DateOnly(1985, 8, 1), new PostalAddress("74 RUE JEAN BLEUZEN", "92177", "VANVES"), "0639983708");
        var state = new EnrolmentState
        {
            Current = new Journey
            {
                Id = Guid.NewGuid(),
                Step = JourneyStep.EnterCode,
                Member = member,
                Email = "paul@example.org",
                Channel = DeliveryChannel.Sms,
                Phone = "0639983708",
                Code = new IssuedCode("c2FsdA==", "aGFzaA==", now, now.AddMinutes(5), 2),
                CodesSent = 1,
                LastView = new JourneyView(Guid.NewGuid(), JourneyStep.EnterCode, "PAUL COMET", "", "XX XX XX 37 08", now.AddMinutes(5)),
            },
            CodeSends = [now],
            LockedUntil = now.AddHours(24),
            Outbox = [new OutboxEntry { MessageId = Guid.NewGuid(), Channel = DeliveryChannel.Letter, Address = member.Address, Secret = "ABCD23EFGH", CodeExpiresAt = now }],
            Audit = [new AuditEvent(now, "journey-started", "x")],
            PendingAccount = new NewAccount(Guid.NewGuid(), "PAUL COMET", "paul@example.org", true, now, false, null, "$argon2id$v=19$m=8,t=1,p=1$AA$AA", null, null),
        };

        var copy = JsonSerializer.Deserialize<EnrolmentState>(JsonSerializer.Serialize(state))!;

        Assert.Equal(JsonSerializer.Serialize(state), JsonSerializer.Serialize(copy));
        Assert.Equal(member, copy.Current!.Member);
        Assert.Equal(state.Current.Code, copy.Current.Code);
        Assert.Equal(state.Current.LastView, copy.Current.LastView);
        Assert.Equal(state.PendingAccount, copy.PendingAccount);
    }
}

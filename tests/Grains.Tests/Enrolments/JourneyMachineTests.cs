using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.Enrolments;
using static Enrolment.Grains.Enrolments.JourneyEvent;
using static Enrolment.Grains.Interfaces.Enrolments.JourneyStep;
using MemberRecord = Enrolment.Grains.Interfaces.Members.MemberRecord;
using PostalAddress = Enrolment.Grains.Interfaces.Members.PostalAddress;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>The journey's state machine against the guide, arrow by arrow, and the diagram docs/enrolment.md shows.</summary>
public sealed class JourneyMachineTests
{
    /// <summary>
    /// The guide's steps 2 to 7, written out here independently of the code's table, with the two arrows of an
    /// enrolment from FranceConnect (the specification: identity confirmed, member number, account).
    /// </summary>
    public static TheoryData<JourneyStep, JourneyEvent, JourneyStep> Guide => new()
    {
        { ConfirmIdentity, IdentityConfirmedWithMobile, ConfirmPhone },
        { ConfirmIdentity, IdentityConfirmedWithoutMobile, ChooseChannel },
        { ConfirmIdentity, IdentityConfirmedByFranceConnect, MemberNumber },
        { ConfirmPhone, PhoneConfirmed, MemberNumber },
        { ConfirmPhone, PhoneDeclined, ChooseChannel },
        { ChooseChannel, SmsChosen, EnterPhone },
        { ChooseChannel, LetterChosen, MemberNumber },
        { EnterPhone, PhoneEntered, MemberNumber },
        { MemberNumber, CodeSent, EnterCode },
        { MemberNumber, LetterPosted, LetterSent },
        { MemberNumber, FranceConnectLinked, Completed },
        { EnterCode, CodeResent, EnterCode },
        { EnterCode, CodeAccepted, CreatePassword },
        { CreatePassword, PasswordCreated, Completed },
    };

    [Theory]
    [MemberData(nameof(Guide))]
    public void Each_arrow_of_the_guide_leads_where_the_guide_says(JourneyStep from, JourneyEvent @event, JourneyStep to)
    {
        var journey = new Journey { Step = from, Member = Member(mobile: "0639983708") };

        journey.Move(@event);

        Assert.Equal(to, journey.Step);
    }

    [Fact]
    public void No_other_move_exists_and_the_table_reads_in_the_guide_s_order()
    {
        var guide = Guide.Select(row => new JourneyTransition((JourneyStep)row[0], (JourneyEvent)row[1], (JourneyStep)row[2])).ToList();
        Assert.Equal(guide, JourneyMachine.Transitions);

        foreach (var step in Enum.GetValues<JourneyStep>())
        {
            foreach (var @event in Enum.GetValues<JourneyEvent>().Where(e => !guide.Exists(t => t.From == step && t.Event == e)))
            {
                var journey = new Journey { Step = step, Member = Member(mobile: null) };
                Assert.Throws<InvalidOperationException>(() => journey.Move(@event));
            }
        }
    }

    [Theory]
    [InlineData("0639983708", ConfirmPhone)]
    [InlineData(null, ChooseChannel)]
    public void Confirming_identity_goes_to_the_phone_on_file_only_when_there_is_one(string? mobile, JourneyStep expected)
    {
        var journey = new Journey { Step = ConfirmIdentity, Member = Member(mobile) };

        journey.ConfirmIdentity();

        Assert.Equal(expected, journey.Step);
    }

    [Fact]
    public void The_diagram_in_docs_enrolment_md_is_the_code_s_table()
    {
        var doc = File.ReadAllText(DocPath("docs/enrolment.md")).ReplaceLineEndings("\n");
        const string open = "```mermaid\n";
        var start = doc.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/enrolment.md has no mermaid block");
        start += open.Length;
        var block = doc[start..doc.IndexOf("\n```", start, StringComparison.Ordinal)];

        Assert.Equal(JourneyMachine.Mermaid(), block);
    }

    private static MemberRecord Member(string? mobile) =>
        new("1234567890", "Dupont", "Jeanne", new DateOnly(1960, 1, 1), new PostalAddress("1 RUE DE LA PAIX", "75002", "PARIS"), mobile);

    private static string DocPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, relative)))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new FileNotFoundException(relative);
    }
}

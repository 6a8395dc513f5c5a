namespace Enrolment.Grains.Enrolments;

/// <summary>One journey of a member, from "Je m'inscris" to an account; kept until the next one replaces it.</summary>
[GenerateSerializer]
public sealed class Journey : IStepFlow<JourneyStep>
{
    [Id(0)] public Guid Id { get; set; }

    [Id(1)] public JourneyStep Step { get; set; }

    /// <summary>The member the directory found; the source of the name, address, phone on file and birth date.</summary>
    [Id(2)] public MemberRecord Member { get; set; } = null!;

    [Id(3)] public string Email { get; set; } = "";

    [Id(4)] public bool Newsletter { get; set; }

    [Id(5)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the last step succeeded; the journey expires a while after it.</summary>
    [Id(6)] public DateTimeOffset LastStepAt { get; set; }

    [Id(7)] public DeliveryChannel? Channel { get; set; }

    /// <summary>Where codes go: the phone on file, or the new one the member typed.</summary>
    [Id(8)] public string? Phone { get; set; }

    [Id(9)] public bool IsNewPhone { get; set; }

    [Id(10)] public bool PhoneMarketingOptOut { get; set; }

    [Id(11)] public int MemberNumberMismatches { get; set; }

    [Id(12)] public IssuedCode? Code { get; set; }

    [Id(13)] public int CodesSent { get; set; }

    /// <summary>Why the journey can go no further ("member-number", "code"); null while it can.</summary>
    [Id(14)] public string? VoidReason { get; set; }

    /// <summary>Random key of this journey for fingerprinting commands, so that no fingerprint reveals a secret.</summary>
    [Id(15)] public string FingerprintKey { get; set; } = "";

    /// <summary>Fingerprint of the last command that succeeded, and what it answered: a replay answers the same.</summary>
    [Id(16)] public string? LastCommand { get; set; }

    [Id(17)] public JourneyView? LastView { get; set; }

    /// <summary>The Argon2id hash of the password chosen at step 7, to recognise a replay of that step.</summary>
    [Id(18)] public string? PasswordHash { get; set; }

    /// <summary>The FranceConnect identity this journey started from: no phone, no code, no password (flow c).</summary>
    [Id(19)] public string? FranceConnectSubject { get; set; }

    public bool IsVoid => VoidReason is not null;

    public bool IsFinished => Step is JourneyStep.Completed or JourneyStep.LetterSent;

    /// <summary>Moves the journey as <see cref="JourneyMachine"/> says; any other move is a bug, not a member's mistake.</summary>
    public void Move(JourneyEvent @event) =>
        Step = JourneyMachine.Next(Step, @event) ?? throw new InvalidOperationException($"No move {@event} from {Step}.");

    /// <summary>Step 2: the member is who the directory found; next, the phone on file if it is a mobile.</summary>
    public void ConfirmIdentity() => Move(this switch
    {
        { FranceConnectSubject: not null } => JourneyEvent.IdentityConfirmedByFranceConnect,
        { Member.MobilePhone: null } => JourneyEvent.IdentityConfirmedWithoutMobile,
        _ => JourneyEvent.IdentityConfirmedWithMobile,
    });

    /// <summary>Step 3: codes go to the phone on file, or the member chooses another way.</summary>
    public void ConfirmPhone(bool isMine)
    {
        if (isMine)
        {
            Channel = DeliveryChannel.Sms;
            Phone = Member.MobilePhone;
            IsNewPhone = false;
        }

        Move(isMine ? JourneyEvent.PhoneConfirmed : JourneyEvent.PhoneDeclined);
    }

    /// <summary>Step 4: a letter goes to the address on file; an SMS needs a phone first.</summary>
    public void ChooseChannel(DeliveryChannel channel)
    {
        if (channel == DeliveryChannel.Letter)
        {
            Channel = DeliveryChannel.Letter;
            Phone = null;
        }

        Move(channel == DeliveryChannel.Letter ? JourneyEvent.LetterChosen : JourneyEvent.SmsChosen);
    }

    /// <summary>Step 4b: a new mobile, normalised.</summary>
    public void EnterPhone(string phone, bool marketingOptOut)
    {
        Channel = DeliveryChannel.Sms;
        Phone = phone;
        IsNewPhone = true;
        PhoneMarketingOptOut = marketingOptOut;
        Move(JourneyEvent.PhoneEntered);
    }

    /// <summary>Step 5 by SMS, or a resend at step 6: the new code replaces the previous one.</summary>
    public void SendCode(IssuedCode code)
    {
        var @event = Step == JourneyStep.EnterCode ? JourneyEvent.CodeResent : JourneyEvent.CodeSent;
        Code = code;
        CodesSent++;
        Move(@event);
    }

    /// <summary>Step 5 by letter: the account exists with a provisional code, and the journey is done.</summary>
    public void PostLetter() => Move(JourneyEvent.LetterPosted);

    /// <summary>Step 5 from FranceConnect: the account is created linked to the identity, and the journey is done.</summary>
    public void LinkFranceConnect() => Move(JourneyEvent.FranceConnectLinked);

    /// <summary>Step 6: the code matched.</summary>
    public void AcceptCode() => Move(JourneyEvent.CodeAccepted);

    /// <summary>Step 7: the password is chosen, and the journey is done.</summary>
    public void CreatePassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        Code = null;
        Move(JourneyEvent.PasswordCreated);
    }
}

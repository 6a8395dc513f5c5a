using Enrolment.Grains.Codes;
using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;

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

    public bool IsVoid => VoidReason is not null;

    public bool IsFinished => Step is JourneyStep.Completed or JourneyStep.LetterSent;
}

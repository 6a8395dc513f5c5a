namespace Enrolment.Grains.PasswordResets;

/// <summary>One member number's lost-password requests (state name "password-reset"): the current one and the send history.</summary>
[GenerateSerializer]
public sealed class PasswordResetState : IStepFlow<ResetStep>
{
    [Id(0)] public Guid ResetId { get; set; }

    [Id(1)] public ResetStep Step { get; set; }

    /// <summary>The request matched no account with that birth date: its code can never match.</summary>
    [Id(2)] public bool IsDecoy { get; set; }

    [Id(3)] public string? MaskedPhone { get; set; }

    [Id(4)] public IssuedCode? Code { get; set; }

    [Id(5)] public DateTimeOffset LastStepAt { get; set; }

    /// <summary>Why the request can go no further ("code"); null while it can.</summary>
    [Id(6)] public string? VoidReason { get; set; }

    /// <summary>When codes or letters were sent for this number, inside the sliding window.</summary>
    [Id(7)] public List<DateTimeOffset> Sends { get; set; } = [];

    /// <summary>Random key of this number, so that decoy answers are stable per birth date yet unpredictable.</summary>
    [Id(8)] public string DecoyKey { get; set; } = "";

    /// <summary>Random key of the current request for fingerprinting commands (see the enrolment's replays).</summary>
    [Id(9)] public string FingerprintKey { get; set; } = "";

    [Id(10)] public string? LastCommand { get; set; }

    [Id(11)] public List<AuditEvent> Audit { get; set; } = [];

    /// <summary>Messages to deliver and those delivered lately (never with their secret once sent).</summary>
    [Id(12)] public List<OutboxEntry> Outbox { get; set; } = [];

    public bool Exists => ResetId != Guid.Empty;

    public bool IsFinished => Step is ResetStep.Completed or ResetStep.LetterSent;
}

using System.Diagnostics.Metrics;

namespace Enrolment.Grains.Operations;

/// <summary>
/// The product's own meter (docs/operations.md lists it). Tags are small fixed sets (channel, kind, outcome): never a
/// member number, phone, e-mail, code or id, so that a scraped metric tells nothing about one member.
/// </summary>
public sealed class ProductMetrics
{
    /// <summary>The meter every product instrument belongs to; hosts export it by this name.</summary>
    public const string MeterName = "Enrolment";

    /// <summary>A hash costs tens to hundreds of milliseconds; the default buckets (up to 10,000) would hold them all in one.</summary>
    private static readonly double[] HashBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly Meter _meter;
    private readonly Counter<long> _journeysStarted;
    private readonly Counter<long> _journeysCompleted;
    private readonly Counter<long> _codesSent;
    private readonly Counter<long> _checksFailed;
    private readonly Counter<long> _locks;
    private readonly Counter<long> _deliveryAttempts;
    private readonly Counter<long> _signIns;
    private readonly Histogram<double> _hashDuration;

    public ProductMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _journeysStarted = _meter.CreateCounter<long>("enrolment.journeys.started", "{journey}", "Journeys begun at the identity search.");
        _journeysCompleted = _meter.CreateCounter<long>("enrolment.journeys.completed", "{journey}", "Journeys that ended with an account decided.");
        _codesSent = _meter.CreateCounter<long>("enrolment.codes.sent", "{code}", "Codes issued to a member, by SMS or by letter.");
        _checksFailed = _meter.CreateCounter<long>("enrolment.checks.failed", "{check}", "Wrong codes and wrong member numbers typed.");
        _locks = _meter.CreateCounter<long>("enrolment.locks", "{lock}", "Enrolments locked after too many wrong answers.");
        _deliveryAttempts = _meter.CreateCounter<long>("delivery.attempts", "{attempt}", "Tries to hand an SMS or a letter to its provider.");
        _signIns = _meter.CreateCounter<long>("accounts.sign_ins", "{sign-in}", "Sign-in answers, by outcome.");
        _hashDuration = _meter.CreateHistogram(
            "passwords.hash.duration",
            "s",
            "Time one Argon2id hash took on its thread.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = HashBuckets });
    }

    /// <summary>Counts what an enrolment audit event means for operations; other kinds count nothing.</summary>
    public void Enrolment(string auditKind, DeliveryChannel? channel)
    {
        var channelTag = new KeyValuePair<string, object?>("channel", channel == DeliveryChannel.Letter ? "letter" : "sms");
        switch (auditKind)
        {
            case AuditKinds.JourneyStarted:
                _journeysStarted.Add(1);
                break;
            case AuditKinds.PasswordCreated or AuditKinds.LetterQueued:
                _journeysCompleted.Add(1, channelTag);
                if (auditKind == AuditKinds.LetterQueued)
                {
                    _codesSent.Add(1, channelTag);
                }

                break;
            case AuditKinds.CodeIssued:
                _codesSent.Add(1, channelTag);
                break;
            case AuditKinds.CodeMismatch:
                _checksFailed.Add(1, new KeyValuePair<string, object?>("kind", "code"));
                break;
            case AuditKinds.MemberNumberMismatch:
                _checksFailed.Add(1, new KeyValuePair<string, object?>("kind", "member-number"));
                break;
            case AuditKinds.Locked:
                _locks.Add(1);
                break;
        }
    }

    /// <summary>One try of an outbox entry: <paramref name="outcome"/> is sent, retry or failed.</summary>
    public void DeliveryAttempt(DeliveryChannel channel, string outcome) => _deliveryAttempts.Add(
        1,
        new KeyValuePair<string, object?>("channel", channel == DeliveryChannel.Letter ? "letter" : "sms"),
        new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>One sign-in answer: signed-in, or the refusal's code (invalid-credentials, locked…).</summary>
    public void SignIn(string outcome) => _signIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Hashed(TimeSpan took) => _hashDuration.Record(took.TotalSeconds);

    /// <summary>The hashes admitted and not yet ended (waiting or running), read at each collection.</summary>
    public void ObserveHashQueue(Func<int> admitted) =>
        _meter.CreateObservableGauge("passwords.hash.queue", admitted, "{hash}", "Hashes waiting or running on this silo.");
}

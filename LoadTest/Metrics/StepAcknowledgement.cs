namespace Enrolment.LoadTest.Metrics;

/// <summary>A step the gateway answered with success: from then on it must survive any crash.</summary>
public sealed record StepAcknowledgement(string MemberNumber, string Step, string? EnrolmentId, DateTimeOffset At);

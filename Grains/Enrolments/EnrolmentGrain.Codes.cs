namespace Enrolment.Grains.Enrolments;

/// <summary>Step 5 (member number, then a code or a letter), step 6 (the code) and the code's resend.</summary>
public sealed partial class EnrolmentGrain
{
    public Task<StepOutcome> SubmitMemberNumber(Guid journeyId, string memberNumber) =>
        RunStep(journeyId, JourneyStep.MemberNumber, Command("member-number", memberNumber ?? ""), async (journey, now) =>
        {
            if (!string.Equals(memberNumber, MemberNumber, StringComparison.Ordinal))
            {
                journey.MemberNumberMismatches++;
                var left = _options.MemberNumberAttempts - journey.MemberNumberMismatches;
                Audit(AuditKinds.MemberNumberMismatch, $"attemptsLeft={Math.Max(left, 0)}");
                if (CountMemberNumberMismatch(now) is { } locked)
                {
                    return locked;
                }

                return left > 0
                    ? Done(StepOutcome.Refused(new Refusal(RefusalCodes.MemberNumberMismatch, AttemptsLeft: left)))
                    : VoidJourney(journey, "member-number", now);
            }

            Audit(AuditKinds.MemberNumberAccepted);
            return journey switch
            {
                { FranceConnectSubject: not null } => LinkFranceConnect(journey, now),
                { Channel: DeliveryChannel.Letter } => await PostLetter(journey, now),
                _ => await IssueCode(journey, now),
            };
        });

    public Task<StepOutcome> SubmitCode(Guid journeyId, string code) =>
        RunStep(journeyId, JourneyStep.EnterCode, Command("code", code ?? ""), (journey, now) =>
        {
            if (journey.Code is null)
            {
                return Done(StepOutcome.Refused(new Refusal(RefusalCodes.CodeExpired)));
            }

            var (verdict, record) = CodeRules.Check(journey.Code, code, now);
            journey.Code = record;
            switch (verdict)
            {
                case CodeVerdict.Accepted:
                    journey.AcceptCode();
                    Audit(AuditKinds.CodeAccepted);
                    return Done(StepOutcome.Success(ViewOf(journey)));
                case CodeVerdict.Mismatch:
                    Audit(AuditKinds.CodeMismatch, $"attemptsLeft={record.AttemptsLeft}");
                    return Done(StepOutcome.Refused(CodeRules.RefusalFor(verdict, record)!));
                case CodeVerdict.Exhausted:
                    Audit(AuditKinds.CodeMismatch, "attemptsLeft=0");
                    return VoidJourney(journey, "code", now);
                case CodeVerdict.Expired:
                    Audit(AuditKinds.CodeExpired);
                    return Done(StepOutcome.Refused(CodeRules.RefusalFor(verdict, record)!));
                default:
                    return Done(StepOutcome.Refused(new Refusal(RefusalCodes.EnrolmentVoid, AttemptsLeft: 0)));
            }
        });

    /// <summary>A new code voids the previous one. Pressing twice within the spacing answers the first resend again.</summary>
    public Task<StepOutcome> ResendCode(Guid journeyId)
    {
        return RunStep(journeyId, JourneyStep.EnterCode, new StepCommand<Journey>("resend", [], IsResendReplay), IssueCode);

        Task<bool> IsResendReplay(Journey journey) => Task.FromResult(
            journey.LastCommand == CommandFingerprint.Of(journey.FingerprintKey, "resend")
            && time.GetUtcNow() < journey.LastStepAt + _options.CodeSpacing);
    }

    /// <summary>
    /// Creates a code within the send limits and the cluster's hourly SMS ceiling and queues its SMS in the same
    /// state write, then tries it at once; the retry timer delivers it if that try fails.
    /// </summary>
    private async Task<StepResult<StepOutcome>> IssueCode(Journey journey, DateTimeOffset now)
    {
        if (_options.Codes.SendRefusal(State.CodeSends, journey.CodesSent, now, out var verdict) is { } tooMany)
        {
            Audit(AuditKinds.CodeRefused, verdict.RetryAfterSeconds is { } wait ? $"retryAfter={wait}s" : "journey-limit");
            return Done(StepOutcome.Refused(tooMany));
        }

        if (await PhoneSmsCap.TryTakeAsync(GrainFactory, journey.Phone!) is { } phoneCap)
        {
            Audit(AuditKinds.CodeRefused, "phone-cap");
            return Done(StepOutcome.Refused(phoneCap));
        }

        // Past the ceiling no code exists, so the member is never told a code was sent when it was not.
        if (await SmsCeiling.TryTakeAsync(GrainFactory, now) is { } ceiling)
        {
            Audit(AuditKinds.CodeRefused, "sms-ceiling");
            return Done(StepOutcome.Refused(ceiling));
        }

        CancelQueuedSms();
        var (code, record) = _options.Codes.Issue(now);
        journey.SendCode(record);
        State.CodeSends = _options.Codes.RecordSend(State.CodeSends, now);
        var entry = Outbox.Enqueue(new OutboxEntry
        {
            Channel = DeliveryChannel.Sms,
            Phone = journey.Phone,
            Secret = _options.Codes.SmsText("Votre code de confirmation pour créer votre espace personnel", code),
            CodeExpiresAt = record.ExpiresAt,
        }, journey.Id, now);
        Audit(AuditKinds.CodeIssued, $"expiresAt={record.ExpiresAt:O};to={FrenchMobile.Mask(journey.Phone ?? "")};message={entry.MessageId}");
        return Done(StepOutcome.Success(ViewOf(journey)), () => DeliverNowAsync(entry.MessageId));
    }
}

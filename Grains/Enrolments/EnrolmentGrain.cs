using Enrolment.Grains.Accounts;
using Enrolment.Grains.Operations;
using Enrolment.Grains.Passwords;

namespace Enrolment.Grains.Enrolments;

/// <summary>
/// One member's enrolment (key: the ten-digit member number): the journey of steps 1–7 (docs/enrolment.md) and every limit
/// on it. Each rule reads time from the injected clock and decides from instants kept in state, so a silo restart
/// or a moved test clock changes nothing; the only timer retries deliveries and account creation.
/// </summary>
public sealed partial class EnrolmentGrain(
    [PersistentState("enrolment", StorageNames.Store)] IPersistentState<EnrolmentState> store,
    IOptions<EnrolmentOptions> options,
    IOptions<AccountOptions> accountOptions,
    IPasswordHasher hasher,
    OutboxDelivery delivery,
    ProductMetrics metrics,
    TimeProvider time,
    ILogger<EnrolmentGrain> logger) : PendingWorkGrain, IEnrolmentGrain
{
    private readonly EnrolmentOptions _options = options.Value;
    private readonly AccountOptions _accounts = accountOptions.Value;

    private EnrolmentState State => store.State;

    private string MemberNumber => this.GetPrimaryKeyString();

    public async Task<StepOutcome> Start(StartJourney request)
    {
        var now = time.GetUtcNow();
        if (LockRefusal(now) is { } locked)
        {
            Audit(AuditKinds.StartRefused, "locked");
            await SaveStepAsync();
            return StepOutcome.Refused(locked);
        }

        if (StartErrors(request) is { Count: > 0 } errors)
        {
            return StepOutcome.Refused(new Refusal(RefusalCodes.Validation, Errors: errors));
        }

        // Only this grain's completion makes an account, and it stores Enrolled first: a member whose enrolment was
        // never stored has none, so a first start does not activate and read an empty account to hear so. Once a row
        // exists the account is asked as well, a guard against one made outside a journey.
        if (State.Enrolled || (store.RecordExists && await Account.Exists()))
        {
            Audit(AuditKinds.StartRefused, "already-enrolled");
            await SaveStepAsync();
            return StepOutcome.Refused(new Refusal(RefusalCodes.AlreadyEnrolled));
        }

        if (State.Current is { IsFinished: false, IsVoid: false } previous)
        {
            CancelQueuedSms();
            Audit(AuditKinds.JourneySuperseded, $"journey={previous.Id}");
        }

        var journey = new Journey
        {
            Id = Guid.NewGuid(),
            Step = JourneyStep.ConfirmIdentity,
            Member = request.Member with { MobilePhone = FrenchMobile.MobileOrNull(request.Member.MobilePhone) },
            Email = EmailAddress.Normalise(request.Email),
            Newsletter = request.Newsletter,
            StartedAt = now,
            LastStepAt = now,
            FingerprintKey = CommandFingerprint.NewKey(),
            FranceConnectSubject = request.FranceConnectSubject,
        };
        State.Current = journey;
        Audit(AuditKinds.JourneyStarted, $"journey={journey.Id}" + (journey.FranceConnectSubject is null ? "" : ";franceconnect"));
        var view = ViewOf(journey);
        journey.LastView = view;
        await SaveStepAsync();
        return StepOutcome.Success(view);
    }

    public Task<StepOutcome> Get(Guid journeyId)
    {
        var (journey, refusal) = Resolve(journeyId, time.GetUtcNow());
        return Task.FromResult(journey is null ? StepOutcome.Refused(refusal!) : StepOutcome.Success(ViewOf(journey)));
    }

    public Task<StepOutcome> ConfirmIdentity(Guid journeyId) =>
        RunStep(journeyId, JourneyStep.ConfirmIdentity, Command("confirm-identity"), (journey, _) =>
        {
            journey.ConfirmIdentity();
            Audit(AuditKinds.IdentityConfirmed);
            return Done(StepOutcome.Success(ViewOf(journey)));
        });

    public Task<StepOutcome> ConfirmPhone(Guid journeyId, bool isMine) =>
        RunStep(journeyId, JourneyStep.ConfirmPhone, Command("confirm-phone", isMine ? "yes" : "no"), (journey, _) =>
        {
            journey.ConfirmPhone(isMine);
            if (isMine)
            {
                Audit(AuditKinds.PhoneConfirmed, FrenchMobile.Mask(journey.Phone!));
            }
            else
            {
                Audit(AuditKinds.PhoneDeclined);
            }

            return Done(StepOutcome.Success(ViewOf(journey)));
        });

    public Task<StepOutcome> ChooseChannel(Guid journeyId, DeliveryChannel channel) =>
        RunStep(journeyId, JourneyStep.ChooseChannel, Command("channel", channel.ToString()), (journey, _) =>
        {
            if (!Enum.IsDefined(channel))
            {
                return Done(StepOutcome.Refused(new Refusal(RefusalCodes.Validation, Errors: Error("channel", "Choisissez SMS ou courrier papier."))));
            }

            journey.ChooseChannel(channel);
            Audit(AuditKinds.ChannelChosen, channel == DeliveryChannel.Letter ? "letter" : "sms");
            return Done(StepOutcome.Success(ViewOf(journey)));
        });

    public Task<StepOutcome> EnterPhone(Guid journeyId, PhoneEntry entry) =>
        RunStep(journeyId, JourneyStep.EnterPhone, Command("phone", entry?.Phone ?? "", entry?.PhoneMarketingOptOut == true ? "opt-out" : "opt-in"), (journey, _) =>
        {
            var phone = FrenchMobile.Normalise(entry?.Phone);
            if (phone is null || !FrenchMobile.IsValid(phone))
            {
                return Done(StepOutcome.Refused(new Refusal(RefusalCodes.Validation, Errors: Error(
                    "phone", "Saisissez un numéro de portable français : 10 chiffres commençant par 06 ou 07."))));
            }

            journey.EnterPhone(phone, entry!.PhoneMarketingOptOut);
            Audit(AuditKinds.PhoneEntered, FrenchMobile.Mask(phone));
            return Done(StepOutcome.Success(ViewOf(journey)));
        });

    public Task<IReadOnlyList<AuditEvent>> GetAuditTrail() => Task.FromResult<IReadOnlyList<AuditEvent>>([.. State.Audit]);

    private Interfaces.Accounts.IAccountGrain Account => GrainFactory.GetGrain<Interfaces.Accounts.IAccountGrain>(MemberNumber);

    private Dictionary<string, string[]> StartErrors(StartJourney request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.Member is null || request.Member.MemberNumber != MemberNumber)
        {
            errors["member"] = ["Le membre ne correspond pas à cette inscription."];
        }

        if (!EmailAddress.IsValid(request?.Email))
        {
            errors["email"] = ["Saisissez une adresse e-mail valide."];
        }

        return errors;
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}

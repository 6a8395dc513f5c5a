namespace Enrolment.Grains.Accounts;

/// <summary>The account grain: the changes a lost-password request makes, and a first password chosen from « Mon espace ».</summary>
public sealed partial class AccountGrain
{
    public async Task<bool> ResetPassword(Guid resetId, string passwordHash, string passwordFingerprint)
    {
        if (!State.Exists || State.LastResetId == resetId)
        {
            // A retry after an error is the same request: it succeeds again only with the password already set.
            return State.Exists && State.LastResetFingerprint == passwordFingerprint;
        }

        State.LastResetId = resetId;
        State.LastResetFingerprint = passwordFingerprint;
        State.ReplacePassword(passwordHash);
        Audit(time.GetUtcNow(), AuditKinds.PasswordReset, "sms");
        await SaveAsync();
        return true;
    }

    public async Task IssueProvisionalCode(Guid resetId, string provisionalCodeHash, DateTimeOffset expiresAt)
    {
        if (!State.Exists || State.LastResetId == resetId)
        {
            return;
        }

        // The old password keeps working until the first login with the new code: a stranger who knows a
        // member number and birth date must not be able to lock the member out by asking for a letter.
        State.LastResetId = resetId;
        State.IssueProvisionalCode(provisionalCodeHash, expiresAt);
        Audit(time.GetUtcNow(), AuditKinds.ProvisionalCodeIssued, "letter");
        await SaveAsync();
    }

    public async Task<Refusal?> AddPassword(string password, string passwordConfirmation, CancellationToken cancellationToken = default)
    {
        if (!State.Exists)
        {
            return new Refusal(RefusalCodes.InvalidCredentials);
        }

        var errors = State.PasswordHash is null
            ? await PolicyErrors(password, passwordConfirmation)
            : new Dictionary<string, string[]> { ["password"] = ["Votre compte a déjà un mot de passe."] };
        if (errors.Count > 0)
        {
            return new Refusal(RefusalCodes.Validation, Errors: errors);
        }

        State.PasswordHash = await hasher.HashAsync(password, cancellationToken);
        Audit(time.GetUtcNow(), AuditKinds.PasswordCreated, "my-space");
        await SaveAsync();
        return null;
    }
}

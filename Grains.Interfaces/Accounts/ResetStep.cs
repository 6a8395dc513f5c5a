namespace Enrolment.Grains.Interfaces.Accounts;

/// <summary>
/// Where a lost-password request stands: a code then a new password (SMS), or a letter sent. The numbers are those
/// the stored requests hold from when the request spoke in journey steps.
/// </summary>
public enum ResetStep
{
    EnterCode = 5,
    CreatePassword = 6,
    Completed = 7,
    LetterSent = 8,
}

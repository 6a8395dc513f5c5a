namespace Enrolment.Gateway.Sessions;

/// <summary>The signed-in session (section <c>Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    public string CookieName { get; set; } = "enrolment.session";

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>Per-client-address limits on sign-in and lost password, beside the gateway's others (section <c>RateLimits</c>).</summary>
public sealed class AccountRateLimitOptions
{
    /// <summary>Sign-in and first-login calls per minute and client address (the account's own lockout still applies).</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Lost-password calls per minute and client address (the reset's own code limits still apply).</summary>
    public int PasswordResetPerMinute { get; set; } = 10;
}

namespace Enrolment.Gateway.Sessions;

/// <summary>The signed-in session and the per-address limits on sign-in and lost password (section <c>Sessions</c>).</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    public string CookieName { get; set; } = "enrolment.session";

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sign-in and first-login calls per client address per <see cref="RateWindow"/>.</summary>
    public int SignInsPerWindow { get; set; } = 20;

    /// <summary>Lost-password calls per client address per <see cref="RateWindow"/>.</summary>
    public int PasswordResetsPerWindow { get; set; } = 10;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);
}

using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Enrolment.Gateway.FranceConnect;

/// <summary>
/// What the gateway remembers between redirects, in cookies it alone can read (the shared data-protection keys,
/// so any gateway reads them): the login in flight, the identity waiting for its link or enrolling, the id_token for sign-out.
/// They are <c>SameSite=Lax</c>: the provider's redirect back is a top-level navigation from another site.
/// </summary>
public sealed class FranceConnectCookies(IDataProtectionProvider protection)
{
    public const string Login = "enrolment.franceconnect.login";
    public const string Pending = "enrolment.franceconnect.pending";
    public const string Session = "enrolment.franceconnect.session";
    public const string Enrolment = "enrolment.franceconnect.enrolment";

    private static readonly TimeSpan LoginLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan EnrolmentLifetime = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    public void WriteLogin(HttpContext context, LoginInFlight login) => Write(context, Login, login, LoginLifetime);

    public LoginInFlight? TakeLogin(HttpContext context) => Take<LoginInFlight>(context, Login);

    public void WritePending(HttpContext context, PendingLink pending) => Write(context, Pending, pending, PendingLifetime);

    public PendingLink? ReadPending(HttpContext context) => Read<PendingLink>(context, Pending);

    public void WriteEnrolment(HttpContext context, PendingEnrolment enrolment) => Write(context, Enrolment, enrolment, EnrolmentLifetime);

    public PendingEnrolment? ReadEnrolment(HttpContext context) => Read<PendingEnrolment>(context, Enrolment);

    public void WriteSession(HttpContext context, FranceConnectSession session) => Write(context, Session, session, SessionLifetime);

    public FranceConnectSession? TakeSession(HttpContext context) => Take<FranceConnectSession>(context, Session);

    public static void Delete(HttpContext context, string name) => context.Response.Cookies.Delete(name, Options(context, TimeSpan.Zero));

    private void Write<T>(HttpContext context, string name, T value, TimeSpan lifetime)
    {
        var text = Protector(name).Protect(JsonSerializer.Serialize(value), lifetime);
        context.Response.Cookies.Append(name, text, Options(context, lifetime));
    }

    private T? Read<T>(HttpContext context, string name)
        where T : class
    {
        if (context.Request.Cookies[name] is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Protector(name).Unprotect(text, out _));
        }
        catch (Exception error) when (error is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    private T? Take<T>(HttpContext context, string name)
        where T : class
    {
        var value = Read<T>(context, name);
        Delete(context, name);
        return value;
    }

    private ITimeLimitedDataProtector Protector(string name) => protection.CreateProtector(name).ToTimeLimitedDataProtector();

    private static CookieOptions Options(HttpContext context, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
        Path = "/",
        MaxAge = lifetime > TimeSpan.Zero ? lifetime : null,
    };
}

/// <summary>The <c>state</c> and <c>nonce</c> sent with the authorization request, checked on the way back.</summary>
public sealed record LoginInFlight(string State, string Nonce);

/// <summary>A pivot identity that matched one member who has an account, until the member proves the link.</summary>
public sealed record PendingLink(string Subject, string MemberNumber);

/// <summary>A pivot identity that matched one member without an account, while it enrols (flow c); the journey's id.</summary>
public sealed record PendingEnrolment(string Subject, string EnrolmentId);

/// <summary>The id_token that ends the FranceConnect session, and the <c>state</c> of a sign-out in flight.</summary>
public sealed record FranceConnectSession(string IdToken, string? LogoutState);

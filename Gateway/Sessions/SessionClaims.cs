using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Enrolment.Gateway.Sessions;

/// <summary>
/// What the session cookie carries: the member number, an id of its own (so that signing out ends it, copies
/// included) and the account's session epoch when it was minted (so that a password reset ends it).
/// </summary>
public static class SessionClaims
{
    public const string MemberNumber = "member_number";
    public const string Epoch = "session_epoch";
    public const string SessionId = "session_id";

    /// <summary>When the member signed in (Unix seconds): the session's absolute lifetime counts from it.</summary>
    public const string SignedInAt = "signed_in_at";

    public static Task SignInAsync(HttpContext context, AccountProfile profile)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var identity = new ClaimsIdentity(
            [
                new Claim(MemberNumber, profile.MemberNumber),
                new Claim(Epoch, profile.SessionEpoch.ToString(CultureInfo.InvariantCulture)),
                new Claim(SessionId, Guid.NewGuid().ToString("N")),
                new Claim(SignedInAt, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            MemberNumber,
            null);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    public static string? MemberNumberOf(ClaimsPrincipal user) => user.FindFirstValue(MemberNumber);

    /// <summary>The signed-in member; the cookie handler has already ended a session whose epoch moved.</summary>
    public static string? SignedInMemberOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? MemberNumberOf(context.User) : null;

    public static Guid? SessionIdOf(ClaimsPrincipal user) =>
        Guid.TryParseExact(user.FindFirstValue(SessionId), "N", out var id) ? id : null;

    public static DateTimeOffset? SignedInAtOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static int? EpochOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Epoch), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) ? epoch : null;
}

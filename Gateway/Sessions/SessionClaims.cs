using System.Globalization;
using System.Security.Claims;
using Enrolment.Grains.Interfaces.Accounts;
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

    public static Task SignInAsync(HttpContext context, AccountProfile profile)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(MemberNumber, profile.MemberNumber),
                new Claim(Epoch, profile.SessionEpoch.ToString(CultureInfo.InvariantCulture)),
                new Claim(SessionId, Guid.NewGuid().ToString("N")),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            MemberNumber,
            null);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    public static string? MemberNumberOf(ClaimsPrincipal user) => user.FindFirstValue(MemberNumber);

    public static Guid? SessionIdOf(ClaimsPrincipal user) =>
        Guid.TryParseExact(user.FindFirstValue(SessionId), "N", out var id) ? id : null;

    public static int? EpochOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Epoch), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) ? epoch : null;
}

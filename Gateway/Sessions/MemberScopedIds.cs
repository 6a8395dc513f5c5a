using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Enrolment.Gateway.Sessions;

/// <summary>
/// Opaque, tamper-evident ids for a member's first login or lost-password request: the member number and the
/// grain's id, protected with the shared data-protection keys so that any gateway can read them back and
/// nobody can forge or alter one.
/// </summary>
public sealed class MemberScopedIds(IDataProtectionProvider provider, string purpose)
{
    /// <summary>Service keys (and data-protection purposes) of the two kinds of ids.</summary>
    public const string FirstLogin = "Enrolment.FirstLogin.v1";
    public const string PasswordReset = "Enrolment.PasswordReset.v1";

    private const int MaxLength = 512;
    private readonly IDataProtector _protector = provider.CreateProtector(purpose);

    public string Protect(string memberNumber, Guid id) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{memberNumber}:{id:N}")));

    public bool TryUnprotect(string? token, [NotNullWhen(true)] out string? memberNumber, out Guid id)
    {
        memberNumber = null;
        id = Guid.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return false;
        }

        try
        {
            var text = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var parts = text.Split(':');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[1], "N", out id))
            {
                return false;
            }

            memberNumber = parts[0];
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}

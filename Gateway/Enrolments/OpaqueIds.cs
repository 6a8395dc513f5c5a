using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Enrolment.Gateway.Enrolments;

/// <summary>
/// The opaque ids the API hands out (<c>enrolmentId</c>, <c>firstLoginId</c>, <c>resetId</c>): member number and
/// the grain-side id, encrypted and authenticated with the shared data-protection keys, base64url. Any gateway
/// reads them; nobody can read or forge one without the keys. Each kind has its own purpose, so that no kind of id
/// is accepted in place of another.
/// </summary>
public sealed class OpaqueIds(IDataProtectionProvider dataProtection, string purpose = "enrolment-id")
{
    private const int PayloadLength = MemberNumber.Length + 16;
    private const int MaxIdLength = 512;

    private readonly IDataProtector protector = dataProtection.CreateProtector(purpose);

    public string Create(string memberNumber, Guid id)
    {
        var payload = new byte[PayloadLength];
        Encoding.ASCII.GetBytes(memberNumber, payload);
        id.TryWriteBytes(payload.AsSpan(MemberNumber.Length));
        return Base64Url.EncodeToString(protector.Protect(payload));
    }

    /// <summary>False for anything not issued by a gateway: garbage, truncated, altered, or under an unknown key.</summary>
    public bool TryRead(string? opaqueId, out MemberScopedId id)
    {
        id = default;
        if (string.IsNullOrEmpty(opaqueId) || opaqueId.Length > MaxIdLength || !Base64Url.IsValid(opaqueId))
        {
            return false;
        }

        byte[] payload;
        try
        {
            payload = protector.Unprotect(Base64Url.DecodeFromChars(opaqueId));
        }
        catch (CryptographicException)
        {
            return false;
        }

        if (payload.Length != PayloadLength
            || !MemberNumber.TryNormalise(Encoding.ASCII.GetString(payload, 0, MemberNumber.Length), out var memberNumber))
        {
            return false;
        }

        id = new MemberScopedId(memberNumber, new Guid(payload.AsSpan(MemberNumber.Length)));
        return true;
    }
}

/// <summary>What an opaque id carries: whose it is, and the journey, first login or reset it names.</summary>
public readonly record struct MemberScopedId(string MemberNumber, Guid Id);

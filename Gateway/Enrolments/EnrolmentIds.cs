using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Enrolment.Grains.Interfaces.Members;
using Microsoft.AspNetCore.DataProtection;

namespace Enrolment.Gateway.Enrolments;

/// <summary>
/// The opaque <c>enrolmentId</c>: member number and journey id, encrypted and authenticated with the shared
/// data-protection keys, base64url. Any gateway reads it; nobody can read or forge it without the keys.
/// The first-login and lost-password ids are made the same way under their own purposes, so that no kind of id
/// is accepted in place of another.
/// </summary>
public sealed class EnrolmentIds(IDataProtectionProvider dataProtection, string purpose = "enrolment-id")
{
    private const int PayloadLength = MemberNumber.Length + 16;
    private const int MaxIdLength = 512;

    private readonly IDataProtector protector = dataProtection.CreateProtector(purpose);

    public string Create(string memberNumber, Guid journeyId)
    {
        var payload = new byte[PayloadLength];
        Encoding.ASCII.GetBytes(memberNumber, payload);
        journeyId.TryWriteBytes(payload.AsSpan(MemberNumber.Length));
        return Base64Url.EncodeToString(protector.Protect(payload));
    }

    /// <summary>False for anything not issued by a gateway: garbage, truncated, altered, or under an unknown key.</summary>
    public bool TryRead(string? enrolmentId, out JourneyRef journey)
    {
        journey = default;
        if (string.IsNullOrEmpty(enrolmentId) || enrolmentId.Length > MaxIdLength || !Base64Url.IsValid(enrolmentId))
        {
            return false;
        }

        byte[] payload;
        try
        {
            payload = protector.Unprotect(Base64Url.DecodeFromChars(enrolmentId));
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

        journey = new JourneyRef(memberNumber, new Guid(payload.AsSpan(MemberNumber.Length)));
        return true;
    }
}

public readonly record struct JourneyRef(string MemberNumber, Guid JourneyId);

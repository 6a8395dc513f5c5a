using System.ComponentModel.DataAnnotations;
using Enrolment.Grains.Interfaces.Vocabulary;

namespace Enrolment.Gateway.Http.Shapes;

/// <summary>Ten digits, dots and spaces allowed (<see cref="Grains.Interfaces.Members.MemberNumber"/>): a typing error costs no attempt.</summary>
public sealed class MemberNumberShapeAttribute : ShapeAttribute
{
    public MemberNumberShapeAttribute() => ErrorMessage = "L'identifiant compte 10 chiffres (XXXXXXXX.XX).";

    protected override string? Problem(string? value, ValidationContext context) =>
        MemberNumber.TryNormalise(value, out _) ? null : ErrorMessage;
}

/// <summary>A one-time code as typed: six digits, spaces around allowed.</summary>
public sealed class OneTimeCodeShapeAttribute : ShapeAttribute
{
    public const int Length = 6;

    protected override string? Problem(string? value, ValidationContext context) =>
        value?.Trim() is { Length: Length } code && code.All(char.IsAsciiDigit) ? null : "Le code compte 6 chiffres.";
}

/// <summary>A French mobile as typed (<see cref="FrenchMobile.TryReadTyped"/>).</summary>
public sealed class FrenchMobileShapeAttribute : ShapeAttribute
{
    protected override string? Problem(string? value, ValidationContext context) =>
        FrenchMobile.TryReadTyped(value, out _) ? null : "Un numéro de mobile français est attendu (06 ou 07 suivi de 8 chiffres).";
}

/// <summary>The same mobile as <paramref name="phone"/>; said only once that one has the right shape.</summary>
public sealed class SameMobileAsAttribute(string phone) : ShapeAttribute
{
    protected override string? Problem(string? value, ValidationContext context) =>
        !FrenchMobile.TryReadTyped(Sibling(context, phone), out var first)
        || (FrenchMobile.TryReadTyped(value, out var second) && second == first)
            ? null
            : "Les deux numéros ne sont pas identiques.";
}

/// <summary>
/// A password or provisional code: present and at most <see cref="MaxLength"/> characters. Only presence and size:
/// the password rules themselves are the grain's, with the member's data.
/// </summary>
public sealed class SecretShapeAttribute : ShapeAttribute
{
    public const int MaxLength = 256;
    public const string PasswordMissing = "Saisissez un mot de passe.";

    public SecretShapeAttribute() => ErrorMessage = PasswordMissing;

    public static bool Fits(string? value) => value is { Length: > 0 and <= MaxLength };

    protected override string? Problem(string? value, ValidationContext context) => Fits(value) ? null : ErrorMessage;
}

/// <summary>The confirmation of <paramref name="password"/>: present and not oversized; said only once the password fits.</summary>
public sealed class ConfirmsSecretAttribute(string password) : ShapeAttribute
{
    /// <summary>What is wrong with a confirmation of <paramref name="password"/>, or null.</summary>
    public static string? ProblemOf(string? password, string? confirmation) =>
        !SecretShapeAttribute.Fits(password) || confirmation is { Length: <= SecretShapeAttribute.MaxLength }
            ? null
            : "Confirmez le mot de passe.";

    protected override string? Problem(string? value, ValidationContext context) => ProblemOf(Sibling(context, password), value);
}

/// <summary>The delivery channel chosen: "sms" or "letter".</summary>
public sealed class ChannelShapeAttribute : ShapeAttribute
{
    protected override string? Problem(string? value, ValidationContext context) =>
        value is "sms" or "letter" ? null : "Choisissez \"sms\" ou \"letter\".";
}

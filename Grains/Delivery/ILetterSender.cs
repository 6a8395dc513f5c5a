namespace Enrolment.Grains.Delivery;

/// <summary>
/// Hands one paper letter to the print house. At least once, like <see cref="ISmsSender"/>:
/// implementations deduplicate on <see cref="LetterMessage.MessageId"/> where they can.
/// </summary>
public interface ILetterSender
{
    Task SendAsync(LetterMessage letter, CancellationToken cancellationToken);
}

/// <summary>A letter carrying a provisional access code to the member's postal address on file.</summary>
public sealed record LetterMessage(
    Guid MessageId,
    string MemberNumber,
    string RecipientName,
    PostalAddress Address,
    string ProvisionalCode,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);

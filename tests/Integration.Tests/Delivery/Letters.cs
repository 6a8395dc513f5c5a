using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Integration.Tests.Delivery;

/// <summary>Letters as the enrolment outbox hands them over, for the guide's members.</summary>
internal static class Letters
{
    public static LetterMessage ForMarieHelene(DateTimeOffset issuedAt, Guid? messageId = null) => new(
        messageId ?? Guid.NewGuid(),
        "2345678901",
        "MARIE-HÉLÈNE D'ARCY",
        new PostalAddress("3 PLACE DU MARCHÉ", "69002", "LYON"),
        "K7MP4XR9TW",
        issuedAt,
        issuedAt.AddDays(30));
}

using System.Globalization;

namespace Enrolment.Silo.Delivery;

/// <summary>Dates as a member in France reads them on a letter.</summary>
internal static class FrenchTime
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");
}

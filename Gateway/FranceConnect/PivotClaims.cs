using System.Globalization;
using System.Text.Json;

namespace Enrolment.Gateway.FranceConnect;

/// <summary>Reads the pivot identity out of userinfo's claims.</summary>
public static class PivotClaims
{
    public static PivotIdentity Read(IDictionary<string, object> claims)
    {
        var subject = Text(claims, "sub") ?? throw new FranceConnectRefusedException("userinfo-no-sub");
        var givenNames = Names(claims.TryGetValue("given_name_array", out var array) ? array : null);
        if (givenNames.Count == 0)
        {
            givenNames = (Text(claims, "given_name") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        // "-01" days or months may stand for unknown: the date is still compared as given.
        DateOnly? birthDate = DateOnly.TryParseExact(Text(claims, "birthdate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
        return new PivotIdentity(subject, givenNames, Text(claims, "family_name") ?? "", Text(claims, "preferred_username"), birthDate, Text(claims, "email"));
    }

    public static string? Text(IDictionary<string, object> claims, string name) =>
        claims.TryGetValue(name, out var value) && value is string { Length: > 0 } text ? text : null;

    private static List<string> Names(object? value) => value switch
    {
        IEnumerable<object> items => items.OfType<string>().Where(name => name.Length > 0).ToList(),
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).Where(name => name.Length > 0).ToList(),
        _ => [],
    };
}

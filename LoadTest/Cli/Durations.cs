using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Enrolment.LoadTest.Cli;

/// <summary>Reads times as people write them: "500ms", "30s", "2m", "1h", a plain number of seconds, or "00:02:00".</summary>
internal static partial class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = WithUnit().Match(text.Trim());
        if (match.Success)
        {
            var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            duration = match.Groups["unit"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => TimeSpan.FromSeconds(value),
            };
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
    }

    /// <summary>For System.CommandLine's <c>CustomParser</c>.</summary>
    public static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"'{text}' is not a time: write e.g. 500ms, 30s, 2m, 1h.");
        return null;
    }

    [GeneratedRegex(@"^(?<value>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h)?$")]
    private static partial Regex WithUnit();
}

using System.Globalization;

namespace Enrolment.LoadTest.Engine;

/// <summary>Relative weights of the scenarios (see <see cref="ScenarioSequence"/> for how journeys follow them).</summary>
public sealed record ScenarioMix(int SmsOnFile, int SmsNewPhone, int Letter)
{
    public static readonly ScenarioMix Default = new(70, 20, 10);

    public int WeightOf(Scenario scenario) => scenario switch
    {
        Scenario.SmsOnFile => SmsOnFile,
        Scenario.SmsNewPhone => SmsNewPhone,
        _ => Letter,
    };

    /// <summary>Reads "70,20,10" (SMS to the phone on file, SMS to a new phone, letter).</summary>
    public static bool TryParse(string text, out ScenarioMix mix)
    {
        mix = Default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            return false;
        }

        var weights = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out weights[i]))
            {
                return false;
            }
        }

        if (weights.Sum() == 0)
        {
            return false;
        }

        mix = new ScenarioMix(weights[0], weights[1], weights[2]);
        return true;
    }

    public override string ToString() => $"{SmsOnFile},{SmsNewPhone},{Letter}";
}

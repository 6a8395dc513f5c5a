namespace Enrolment.LoadTest.Engine;

/// <summary>The three ways a member gets their code (docs/enrolment.md).</summary>
public enum Scenario
{
    /// <summary>Confirms the mobile on file and receives the SMS there.</summary>
    SmsOnFile,

    /// <summary>Says the mobile on file is not theirs (or has none) and gives a new one.</summary>
    SmsNewPhone,

    /// <summary>Chooses the paper letter, then signs in with the provisional code and completes the first login.</summary>
    Letter,
}

public static class ScenarioNames
{
    public static string Of(Scenario scenario) => scenario switch
    {
        Scenario.SmsOnFile => "sms-on-file",
        Scenario.SmsNewPhone => "sms-new-phone",
        Scenario.Letter => "letter",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, null),
    };
}

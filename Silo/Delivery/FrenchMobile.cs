namespace Enrolment.Silo.Delivery;

/// <summary>Phone numbers as SMS providers want them: international (E.164) form.</summary>
public static class FrenchMobile
{
    /// <summary>"0639983708" → "+33639983708"; a number already international, or not French, is kept as is.</summary>
    public static string ToInternational(string phone) =>
        phone.Length == 10 && phone[0] == '0' && phone.All(char.IsAsciiDigit) ? string.Concat("+33", phone.AsSpan(1)) : phone;
}

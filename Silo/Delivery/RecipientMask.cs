namespace Enrolment.Silo.Delivery;

/// <summary>What logs may say about a recipient: never a full phone number.</summary>
public static class RecipientMask
{
    /// <summary>"0639983708" → "06******08"; too short to keep anything → all stars.</summary>
    public static string Phone(string phone)
    {
        if (phone.Length < 6)
        {
            return new string('*', phone.Length);
        }

        return string.Concat(phone.AsSpan(0, 2), new string('*', phone.Length - 4), phone.AsSpan(phone.Length - 2));
    }
}

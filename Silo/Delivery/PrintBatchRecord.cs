using System.Text.Encodings.Web;
using System.Text.Json;
using Enrolment.Grains.Delivery;

namespace Enrolment.Silo.Delivery;

/// <summary>One line of a print batch file: one letter (format documented in the README, "Print batch format for letters").</summary>
public sealed record PrintBatchRecord(
    Guid MessageId,
    string MemberNumber,
    string RecipientName,
    string Street,
    string PostalCode,
    string City,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string Text)
{
    // The file is read by the print house, never by a browser: accents stay readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static PrintBatchRecord From(LetterMessage letter) => new(
        letter.MessageId,
        letter.MemberNumber,
        letter.RecipientName,
        letter.Address.Street,
        letter.Address.PostalCode,
        letter.Address.City,
        letter.IssuedAt,
        letter.ExpiresAt,
        LetterText.Compose(letter));

    /// <summary>The record as one line of JSON, ending with a line feed.</summary>
    public byte[] ToLine() => [.. JsonSerializer.SerializeToUtf8Bytes(this, Json), (byte)'\n'];

    /// <summary>Reads a line back; null when it is not a record (a line torn by a crash while it was written).</summary>
    public static PrintBatchRecord? TryParse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<PrintBatchRecord>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

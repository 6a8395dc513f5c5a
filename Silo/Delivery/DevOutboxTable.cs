using Npgsql;

namespace Enrolment.Silo.Delivery;

/// <summary>
/// The <c>dev_outbox</c> table, where development senders record what they would have sent. A message id is
/// recorded once: a re-delivery of the same message changes nothing.
/// </summary>
public sealed class DevOutboxTable(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    public const string SmsKind = "sms";
    public const string LetterKind = "letter";

    public async Task RecordAsync(Guid messageId, string kind, string recipient, string payload, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO dev_outbox (id, kind, recipient, payload, created_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = recipient });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>What was recorded for one recipient, newest first.</summary>
    public async Task<IReadOnlyList<(string Payload, DateTimeOffset RecordedAt)>> ListAsync(
        string kind, string recipient, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT payload, created_at FROM dev_outbox
            WHERE kind = $1 AND recipient = $2
            ORDER BY created_at DESC, id
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = recipient });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });

        var rows = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return rows;
    }
}

using System.Globalization;
using System.Text.Json;
using Enrolment.Grains.Interfaces.Enrolments;
using Npgsql;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>One member's enrolment as PostgreSQL holds it (grain_state, state name "enrolment").</summary>
public sealed record StoredEnrolment(
    string MemberNumber,
    string? RecordedMemberNumber,
    Guid? JourneyId,
    JourneyStep? Step,
    bool IsVoid,
    string? Phone,
    IReadOnlyList<Guid> SmsIssued,
    IReadOnlyList<Guid> SmsCancelled,
    IReadOnlyList<Guid> LettersQueued,
    IReadOnlyList<string> AuditKinds);

/// <summary>One member's account as PostgreSQL holds it (state name "account").</summary>
public sealed record StoredAccount(string MemberNumber, Guid EnrolmentJourneyId, bool HasPassword, bool HasProvisionalCode);

/// <summary>
/// Reads what the product stored, straight from its tables: grain state rows (System.Text.Json payloads), the
/// development outbox (one row per message id) and the membership table.
/// </summary>
public sealed class StoredState(string connectionString, string serviceId)
{
    public async Task<IReadOnlyList<StoredEnrolment>> EnrolmentsAsync()
    {
        var rows = await PayloadsAsync("enrolment");
        return [.. rows.Select(row => ReadEnrolment(row.MemberNumber, row.Payload))];
    }

    public async Task<IReadOnlyList<StoredAccount>> AccountsAsync()
    {
        var rows = await PayloadsAsync("account");
        return [.. rows.Select(row => ReadAccount(row.MemberNumber, row.Payload)).Where(a => a.EnrolmentJourneyId != Guid.Empty)];
    }

    /// <summary>The ids of every message the development senders recorded.</summary>
    public async Task<HashSet<Guid>> DeliveredMessageIdsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT id FROM dev_outbox");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Grains whose `pending-work` reminder is still stored: work owed after a step, not done yet.</summary>
    public async Task<long> GrainsWithPendingWorkAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM reminders WHERE service_id = $1 AND reminder_name = 'pending-work'");
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The status of the silo that listened on <paramref name="siloPort"/>, per generation, oldest first.</summary>
    public async Task<IReadOnlyList<int>> SiloStatusesAsync(string clusterId, int siloPort)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT status FROM cluster_members WHERE cluster_id = $1 AND port = $2 ORDER BY generation");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = siloPort });
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new List<int>();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetInt32(0));
        }

        return statuses;
    }

    private async Task<List<(string MemberNumber, JsonElement Payload)>> PayloadsAsync(string stateName)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT grain_id_n1, grain_key, payload_json FROM grain_state WHERE service_id = $1 AND state_name = $2 AND payload_json IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        command.Parameters.Add(new NpgsqlParameter { Value = stateName });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, JsonElement)>();
        while (await reader.ReadAsync())
        {
            using var document = JsonDocument.Parse(reader.GetString(2));
            rows.Add((MemberNumberOf(reader.GetInt64(0), reader.GetString(1)), document.RootElement.Clone()));
        }

        return rows;
    }

    /// <summary>
    /// Orleans' ADO.NET storage reads a key made only of hex digits (every member number) as a hex number kept in
    /// n1 (Orleans issue #9706); written back in hex, it is the member number again.
    /// </summary>
    private static string MemberNumberOf(long n1, string key) =>
        key.Length > 0 ? key : n1.ToString("X", CultureInfo.InvariantCulture).PadLeft(10, '0');

    private static StoredEnrolment ReadEnrolment(string memberNumber, JsonElement state)
    {
        var journey = Property(state, "Current");
        var audit = Property(state, "Audit") is { ValueKind: JsonValueKind.Array } events
            ? events.EnumerateArray().Select(e => (Kind: Text(e, "Kind"), Detail: Text(e, "Detail"))).ToList()
            : [];
        List<Guid> MessagesOf(string kind) =>
            [.. audit.Where(e => e.Kind == kind).Select(e => MessageIdIn(e.Detail)).OfType<Guid>()];

        return new StoredEnrolment(
            memberNumber,
            journey is { } j && Property(j, "Member") is { } member ? Text(member, "MemberNumber") : null,
            journey is { } withId && Text(withId, "Id") is { } id ? Guid.Parse(id) : null,
            journey is { } withStep && Property(withStep, "Step") is { } step ? StepOf(step) : null,
            journey is { } withVoid && Text(withVoid, "VoidReason") is not null,
            journey is { } withPhone ? Text(withPhone, "Phone") : null,
            MessagesOf("code-issued"),
            MessagesOf("sms-cancelled"),
            MessagesOf("letter-queued"),
            [.. audit.Select(e => e.Kind).OfType<string>()]);
    }

    private static StoredAccount ReadAccount(string memberNumber, JsonElement state) => new(
        memberNumber,
        Text(state, "EnrolmentJourneyId") is { } id ? Guid.Parse(id) : Guid.Empty,
        Text(state, "PasswordHash") is not null,
        Text(state, "ProvisionalCodeHash") is not null);

    private static JourneyStep StepOf(JsonElement step) => step.ValueKind == JsonValueKind.Number
        ? (JourneyStep)step.GetInt32()
        : Enum.Parse<JourneyStep>(step.GetString()!.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);

    private static Guid? MessageIdIn(string? detail) =>
        detail?.Split(';').Select(part => part.Split('=', 2)).FirstOrDefault(kv => kv[0] == "message") is [_, var value]
            && Guid.TryParse(value, out var id) ? id : null;

    /// <summary>A property by name whatever its casing (the storage serializer's naming policy is its own choice).</summary>
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}

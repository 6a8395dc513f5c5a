using Npgsql;
using NpgsqlTypes;

namespace Enrolment.Silo.Database;

/// <summary>A grain state's row, keyed as the ADO.NET provider keys it (its <c>AdoGrainKey</c>).</summary>
internal readonly record struct RowKey(string ServiceId, string StateName, long N0, long N1, string? Extension)
{
    public static RowKey Of(string serviceId, string stateName, GrainId grainId)
    {
        if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
        {
            var bytes = guid.ToByteArray();
            return new(serviceId, stateName, BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), guidExtension);
        }

        if (grainId.TryGetIntegerKey(out var integer, out var integerExtension))
        {
            return new(serviceId, stateName, 0, integer, integerExtension);
        }

        return new(serviceId, stateName, 0, 0, grainId.Key.ToString());
    }
}

/// <summary>One read or write waiting for its batch; <see cref="Done"/> gives the payload read and the row's version.</summary>
internal sealed record StorageStatement(string Sql, RowKey Key, int? Version, byte[]? Payload)
{
    public TaskCompletionSource<(byte[]? Payload, int? Version)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool IsWrite => Payload is not null;

    public NpgsqlBatchCommand ToCommand()
    {
        var command = new NpgsqlBatchCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter("ServiceId", NpgsqlDbType.Text) { Value = Key.ServiceId });
        command.Parameters.Add(new NpgsqlParameter("GrainTypeString", NpgsqlDbType.Text) { Value = Key.StateName });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN0", NpgsqlDbType.Bigint) { Value = Key.N0 });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN1", NpgsqlDbType.Bigint) { Value = Key.N1 });
        command.Parameters.Add(new NpgsqlParameter("GrainIdExtensionString", NpgsqlDbType.Text) { Value = (object?)Key.Extension ?? DBNull.Value });
        if (IsWrite)
        {
            command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)Version ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("PayloadBinary", NpgsqlDbType.Bytea) { Value = Payload });
        }

        return command;
    }

    /// <summary>This statement's result set: a read's payload and version (no row: neither), a write's new version.</summary>
    public async Task<(byte[]? Payload, int? Version)> ReadResultAsync(NpgsqlDataReader reader)
    {
        if (!await reader.ReadAsync())
        {
            return (null, null);
        }

        if (IsWrite)
        {
            return (null, await reader.IsDBNullAsync(0) ? null : reader.GetInt32(0));
        }

        var payload = await reader.IsDBNullAsync(0) ? null : reader.GetFieldValue<byte[]>(0);
        return (payload, reader.GetInt32(1));
    }
}

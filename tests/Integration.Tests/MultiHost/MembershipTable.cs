using Npgsql;

namespace Enrolment.Integration.Tests.MultiHost;

/// <summary>One silo's latest row in the membership table (Orleans' SiloStatus: 3 = Active, 6 = Dead).</summary>
public sealed record MembershipRow(string Address, int Port, int Status);

/// <summary>The cluster's membership table, read as the gateways read it to find the silos.</summary>
public sealed class MembershipTable(string connectionString, string clusterId)
{
    public const int Active = 3;
    public const int Dead = 6;

    /// <summary>The newest generation of every silo address and port.</summary>
    public async Task<IReadOnlyList<MembershipRow>> RowsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT DISTINCT ON (address, port) address, port, status FROM cluster_members WHERE cluster_id = $1 ORDER BY address, port, generation DESC");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new MembershipRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return rows;
    }

    /// <summary>Waits until the silo at <paramref name="address"/> is marked <paramref name="status"/>; returns how long that took.</summary>
    public async Task<TimeSpan> WaitForStatusAsync(string address, int status, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<MembershipRow> rows = [];
        await Eventually.True(
            async () => (rows = await RowsAsync()).Any(row => row.Address == address && row.Status == status),
            () => $"the silo at {address} marked {status}: {string.Join(", ", rows)}",
            limit,
            TimeSpan.FromMilliseconds(250));
        return clock.Elapsed;
    }
}

namespace Enrolment.TestKit;

/// <summary>The test reminder table, which can be told to refuse the next registrations, as an unreachable reminder service would.</summary>
public sealed class FlakyReminderTable(IReminderTable inner) : IReminderTable
{
    private readonly Lock _gate = new();
    private int _failingUpserts;

    public void FailRegistrations(int times)
    {
        lock (_gate)
        {
            _failingUpserts = times;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        lock (_gate)
        {
            if (_failingUpserts > 0)
            {
                _failingUpserts--;
                throw new TimeoutException("The reminder table did not answer.");
            }
        }

        return inner.UpsertRow(entry);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => inner.RemoveRow(grainId, reminderName, eTag);

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();
}

using Enrolment.Grains.Operations;
using Npgsql;

namespace Enrolment.Silo.Database;

public sealed class PostgresDatabaseProbe(NpgsqlDataSource dataSource, ILogger<PostgresDatabaseProbe> logger) : IDatabaseProbe
{
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            logger.LogWarning("The database did not answer: {Reason}", ex.Message);
            return false;
        }
    }
}

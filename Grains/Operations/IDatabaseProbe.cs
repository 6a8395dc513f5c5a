namespace Enrolment.Grains.Operations;

/// <summary>Asks the database a trivial question. The silo's implementation runs <c>SELECT 1</c> on PostgreSQL.</summary>
public interface IDatabaseProbe
{
    Task<bool> AnswersAsync(CancellationToken cancellationToken);
}

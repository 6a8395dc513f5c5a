namespace Enrolment.Silo.Members.Import;

/// <summary>What an import did, or the problems that stopped it before anything changed.</summary>
public sealed record ImportOutcome(long Added, long Updated, long Unchanged, long Departed, IReadOnlyList<FileProblem> Problems, int ProblemCount)
{
    public bool Applied => ProblemCount == 0;

    public static ImportOutcome Refused(MemberFile file) => new(0, 0, 0, 0, file.Problems, file.ProblemCount);

    public override string ToString() => $"added {Added}, updated {Updated}, unchanged {Unchanged}, departed {Departed}";
}

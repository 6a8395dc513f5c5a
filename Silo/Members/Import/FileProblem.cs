namespace Enrolment.Silo.Members.Import;

/// <summary>Something wrong in the member file, printed as <c>line N: column: problem</c>.</summary>
public sealed record FileProblem(int Line, string Column, string Problem)
{
    public override string ToString() => $"line {Line}: {Column}: {Problem}";
}

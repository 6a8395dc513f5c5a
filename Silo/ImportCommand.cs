using Enrolment.Silo.Members.Import;

namespace Enrolment.Silo;

/// <summary>
/// <c>import FILE [--full]</c>: migrate the schema, check the insurer's member file and apply it (docs/import.md),
/// then exit: 0 when applied, 1 when the file has problems (nothing changed), 2 when the file cannot be read.
/// </summary>
public sealed record ImportCommand(string Path, bool Full)
{
    public static bool TryParse(string[] args, out ImportCommand? command, out string[] remainingArgs)
    {
        command = null;
        remainingArgs = args;
        if (args is not ["import", var path, .. var rest])
        {
            return false;
        }

        command = new ImportCommand(path, rest.Contains("--full"));
        remainingArgs = [.. rest.Where(a => a != "--full")];
        return true;
    }

    public async Task<int> RunAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            await Console.Error.WriteLineAsync($"No such file: {Path}");
            return 2;
        }

        var file = MemberFile.Open(Path, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var outcome = await services.GetRequiredService<MemberImporter>().ImportAsync(file, Full, cancellationToken);
        if (outcome.Applied)
        {
            Console.WriteLine(outcome);
            return 0;
        }

        foreach (var problem in outcome.Problems)
        {
            await Console.Error.WriteLineAsync(problem.ToString());
        }

        var unshown = outcome.ProblemCount - outcome.Problems.Count;
        await Console.Error.WriteLineAsync(unshown > 0
            ? $"{outcome.ProblemCount} problems ({unshown} more not shown); nothing was loaded"
            : $"{outcome.ProblemCount} problem(s); nothing was loaded");
        return 1;
    }
}

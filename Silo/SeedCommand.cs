using System.Globalization;

namespace Enrolment.Silo;

/// <summary><c>seed [--members N]</c>: migrate the schema and load N synthetic members (default 10,000), then exit.</summary>
public sealed record SeedCommand(int Members)
{
    public const int DefaultMembers = 10_000;

    public static bool TryParse(string[] args, out SeedCommand? command, out string[] remainingArgs)
    {
        command = null;
        remainingArgs = args;
        if (args is not ["seed", ..])
        {
            return false;
        }

        var members = DefaultMembers;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--members" && i + 1 < args.Length)
            {
                members = int.Parse(args[++i].Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        command = new SeedCommand(members);
        remainingArgs = [.. rest];
        return true;
    }
}

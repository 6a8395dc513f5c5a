namespace Enrolment.Grains.Passwords;

/// <summary>
/// The passwords people pick most (well-known favourites, French and international, with the usual suffixes),
/// from the embedded list <c>common-passwords.txt</c>; compared without case.
/// </summary>
internal static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool Contains(string password) => List.Value.Contains(password.ToLowerInvariant());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Enrolment.Grains.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}

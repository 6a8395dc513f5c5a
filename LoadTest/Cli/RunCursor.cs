using System.Globalization;

namespace Enrolment.LoadTest.Cli;

/// <summary>A small file that remembers the next unused directory index, so consecutive runs never share a member.</summary>
internal static class RunCursor
{
    public static long Read(FileInfo file) =>
        long.Parse(File.ReadAllText(file.FullName).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    public static void Write(FileInfo file, long nextStart) =>
        File.WriteAllText(file.FullName, nextStart.ToString(CultureInfo.InvariantCulture) + "\n");
}

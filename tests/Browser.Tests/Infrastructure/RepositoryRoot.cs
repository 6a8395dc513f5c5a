namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>The folder that holds <c>Enrolment.Orleans.sln</c>, found from the test's output folder.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Enrolment.Orleans.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Enrolment.Orleans.sln above {AppContext.BaseDirectory}.");
    });

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);
}

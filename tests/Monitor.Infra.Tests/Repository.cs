namespace NewsMonitor.Tests;

/// <summary>Paths inside the repository, found from the test binaries so the tests run from any working directory.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string MainBicep => Path.Combine(Infra, "main.bicep");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Monitor.sln above {AppContext.BaseDirectory}.");
    }
}

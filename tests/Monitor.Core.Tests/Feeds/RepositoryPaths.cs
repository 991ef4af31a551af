namespace NewsMonitor.Tests.Feeds;

/// <summary>Finds the repository from the test binaries: the nearest folder above them holding Monitor.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Locate();

    public static string SampleFeeds => Path.Combine(Root, "seeds", "samples");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No folder holding Monitor.sln above {AppContext.BaseDirectory}.");
    }
}

namespace NewsMonitor.Tests.Topics;

/// <summary>Finds the repository's seeds/ from the test's output folder (the repo root is the folder holding Monitor.sln).</summary>
internal static class SeedFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string TopicsPath => Path.Combine(RepoRoot, "seeds", "topics.json");

    /// <summary>The seed article: seeds/ in the repo, else ../shared/seeds beside it.</summary>
    public static string ArticlePath
    {
        get
        {
            const string name = "japan-russia-peace-treaty-2018-11-20.txt";
            var inRepo = Path.Combine(RepoRoot, "seeds", name);
            return File.Exists(inRepo) ? inRepo : Path.Combine(RepoRoot, "..", "shared", "seeds", name);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Monitor.sln above {AppContext.BaseDirectory}");
    }
}

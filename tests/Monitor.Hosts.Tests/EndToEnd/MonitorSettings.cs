namespace NewsMonitor.Tests.EndToEnd;

/// <summary>The configuration both test hosts start from: only the given feeds, loopback allowed, a short retry schedule.</summary>
public static class MonitorSettings
{
    public static Dictionary<string, string?> For(IEnumerable<Uri> feeds, string schedule, IReadOnlyDictionary<string, string?> storage)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:FeedsFile"] = "",
            ["Monitor:PollSchedule"] = schedule,
            ["Monitor:AllowPrivateNetworks"] = "true",
            ["Monitor:Webhooks:RetryDelays"] = "0,1s,1s",
        };
        foreach (var (key, value) in storage) settings[key] = value;
        var index = 0;
        foreach (var url in feeds) settings[$"Monitor:FeedUrls:{index++}"] = url.AbsoluteUri;
        return settings;
    }

    /// <summary>Folder storage in <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Folder(string dataDirectory) =>
        new Dictionary<string, string?> { ["Monitor:Storage:DataDirectory"] = dataDirectory };

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("newsmonitor-e2e-").FullName;

    public static void DeleteDataDirectory(string dataDirectory)
    {
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (IOException) { /* a leftover temp folder must not fail the test */ }
    }
}

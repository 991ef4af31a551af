namespace NewsMonitor.Cli;

/// <summary>Maps <c>monitor run</c>'s flags to the configuration keys both hosts read (see the README's configuration table).</summary>
public static class RunSettings
{
    public static Dictionary<string, string?> From(string? data, string? storage, string? feedsFile, IReadOnlyList<string> feeds,
        string? topics, string? schedule, bool allowPrivateNetworks)
    {
        var settings = new Dictionary<string, string?>();
        if (storage is not null) settings["Monitor:Storage:ConnectionString"] = storage;
        else if (data is not null) settings["Monitor:Storage:DataDirectory"] = data;
        // --feed alone means "just these feeds"; with --feeds both are polled.
        if (feedsFile is not null) settings["Monitor:FeedsFile"] = feedsFile;
        else if (feeds.Count > 0) settings["Monitor:FeedsFile"] = "";
        for (var i = 0; i < feeds.Count; i++) settings[$"Monitor:FeedUrls:{i}"] = feeds[i];
        if (topics is not null) settings["Monitor:TopicsFile"] = topics;
        if (schedule is not null) settings["Monitor:PollSchedule"] = schedule;
        if (allowPrivateNetworks) settings["Monitor:AllowPrivateNetworks"] = "true";
        return settings;
    }
}

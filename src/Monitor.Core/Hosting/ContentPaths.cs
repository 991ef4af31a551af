namespace NewsMonitor.Hosting;

/// <summary>
/// Resolves the relative paths of bundled content (seeds/topics.json, seeds/feeds.json): first against the
/// working directory, so a user running from a clone edits the files they see; then against the app folder,
/// where the Functions app and published builds carry a copy.
/// </summary>
public static class ContentPaths
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return Path.GetFullPath(path);
        var bundled = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(bundled) ? bundled : Path.GetFullPath(path);
    }
}

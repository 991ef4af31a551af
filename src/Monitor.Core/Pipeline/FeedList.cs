using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsMonitor.Hosting;

namespace NewsMonitor.Pipeline;

/// <summary>The feeds to poll: the feeds file (JSON array of { url, name, ... }) plus <see cref="MonitorOptions.FeedUrls"/>.</summary>
public sealed class FeedList(IOptions<MonitorOptions> options)
{
    private readonly Lazy<IReadOnlyList<CatalogFeed>> configured = new(() => LoadConfigured(options.Value));

    public IReadOnlyList<string> Sources() => configured.Value.Select(f => f.Source).ToArray();

    /// <summary>The configured feeds with their names and languages: the file's first, then the settings'.</summary>
    public IReadOnlyList<CatalogFeed> Configured() => configured.Value;

    /// <summary>Reads the configured feeds; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static IReadOnlyList<string> Load(MonitorOptions options) => LoadConfigured(options).Select(f => f.Source).ToArray();

    private static IReadOnlyList<CatalogFeed> LoadConfigured(MonitorOptions options)
    {
        var all = new List<CatalogFeed>();
        if (!string.IsNullOrWhiteSpace(options.FeedsFile))
            all.AddRange(ReadFile(ContentPaths.Resolve(options.FeedsFile)).Select(f =>
                new CatalogFeed(FeedIds.For(f.Url.Trim()), f.Url.Trim(), f.Name, f.Language, FeedOrigin.File)));
        all.AddRange(options.FeedUrls.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f =>
            new CatalogFeed(FeedIds.For(f.Trim()), f.Trim(), null, null, FeedOrigin.Setting)));
        return all.DistinctBy(f => f.Source, StringComparer.Ordinal).ToArray();
    }

    public static IReadOnlyList<FeedListEntry> ReadFile(string path)
    {
        if (!File.Exists(path))
            throw new InvalidDataException($"The feeds file '{path}' does not exist. Pass --feeds FILE, or set Monitor:FeedsFile to \"\" and give --feed URL.");
        try
        {
            var entries = JsonSerializer.Deserialize<List<FeedListEntry>>(File.ReadAllText(path), FeedListEntry.JsonOptions) ?? [];
            foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
            {
                if (string.IsNullOrWhiteSpace(entry.Url))
                    throw new InvalidDataException($"{path}: feed #{index + 1} has no \"url\".");
                if (!Uri.TryCreate(entry.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    throw new InvalidDataException($"{path}: feed #{index + 1} \"{entry.Url}\" is not an http(s) URL.");
            }
            return entries;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a JSON array of feeds: {e.Message}", e);
        }
    }
}

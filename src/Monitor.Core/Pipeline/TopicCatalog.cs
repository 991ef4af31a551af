using Microsoft.Extensions.Options;
using NewsMonitor.Hosting;
using NewsMonitor.Matching;
using NewsMonitor.Storage;
using NewsMonitor.Topics;

namespace NewsMonitor.Pipeline;

/// <summary>
/// The topics in force: those of the topics file (read-only) plus custom topics created through the API
/// (<c>topics/{id}.json</c>). Hands out a compiled matcher; when the custom topics change, the new set is compiled
/// in the background while matching goes on with the previous one, then swapped in.
/// </summary>
public sealed class TopicCatalog(JsonBlobs blobs, IOptions<MonitorOptions> options, TimeProvider time) : IDisposable
{
    private const string Prefix = "topics/";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);

    private readonly Lazy<IReadOnlyList<Topic>> fileTopics = new(() => TopicsFile.Load(ContentPaths.Resolve(options.Value.TopicsFile)));
    private readonly SemaphoreSlim refreshGate = new(1, 1);
    private CompiledTopics? current;
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;
    private Task? backgroundCompile;

    public IReadOnlyList<Topic> FileTopics => fileTopics.Value;

    public async Task<IReadOnlyList<Topic>> ListAsync(CancellationToken cancellationToken) =>
        [.. FileTopics, .. await ListCustomAsync(cancellationToken).ConfigureAwait(false)];

    public async Task<Topic?> GetAsync(string id, CancellationToken cancellationToken) =>
        FileTopics.FirstOrDefault(t => t.Id == id)
        ?? (TopicIds.IsValid(id) ? (await blobs.GetAsync<Topic>(BlobName(id), cancellationToken).ConfigureAwait(false))?.Value : null);

    public bool IsFileTopic(string id) => FileTopics.Any(t => t.Id == id);

    /// <summary>Stores a custom topic; false when a topic with that id exists. The query must already be validated.</summary>
    public async Task<bool> TryCreateAsync(Topic topic, CancellationToken cancellationToken)
    {
        if (IsFileTopic(topic.Id)) return false;
        var created = await blobs.TryCreateAsync(BlobName(topic.Id), topic, cancellationToken).ConfigureAwait(false) is not null;
        if (created) await ApplyChangeAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>Replaces a custom topic; false when no custom topic has this id. The query must already be validated.</summary>
    public async Task<bool> TryReplaceAsync(Topic topic, CancellationToken cancellationToken)
    {
        if (IsFileTopic(topic.Id) || !TopicIds.IsValid(topic.Id)) return false;
        var replaced = await blobs.TryUpdateAsync<Topic>(BlobName(topic.Id), existing => existing is null ? null : topic, cancellationToken).ConfigureAwait(false) is not null;
        if (replaced) await ApplyChangeAsync(cancellationToken).ConfigureAwait(false);
        return replaced;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var deleted = TopicIds.IsValid(id) && await blobs.Store.DeleteAsync(BlobName(id), cancellationToken).ConfigureAwait(false);
        if (deleted) await ApplyChangeAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>
    /// Puts a change made here in force before it is reported done: otherwise the next poll would still match with the
    /// previous set (the recompilation only starts on the next <see cref="GetMatcherAsync"/>), and the stories it
    /// marks as seen would never be matched against the new topic.
    /// </summary>
    private async Task ApplyChangeAsync(CancellationToken cancellationToken)
    {
        checkedAt = DateTimeOffset.MinValue;
        await GetMatcherAsync(cancellationToken).ConfigureAwait(false);
        await WhenCompiledAsync().ConfigureAwait(false);
    }

    /// <summary>The matcher for the current topics. Blocks only the very first time, to compile the first set.</summary>
    public async Task<TopicMatcher> GetMatcherAsync(CancellationToken cancellationToken)
    {
        if (current is { } compiled && time.GetUtcNow() - checkedAt < RefreshInterval) return compiled.Matcher;

        await refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is not null && time.GetUtcNow() - checkedAt < RefreshInterval) return current.Matcher;
            checkedAt = time.GetUtcNow();
            var topics = await ListAsync(cancellationToken).ConfigureAwait(false);
            var fingerprint = Fingerprint(topics);
            if (current is null)
                current = new CompiledTopics(fingerprint, TopicMatcher.Compile(topics));
            else if (current.Fingerprint != fingerprint && backgroundCompile is null or { IsCompleted: true })
                backgroundCompile = Task.Run(() => current = new CompiledTopics(fingerprint, TopicMatcher.Compile(topics)), CancellationToken.None);
            return current.Matcher;
        }
        finally
        {
            refreshGate.Release();
        }
    }

    /// <summary>Waits for a background recompilation, if one runs (tests and the API's "topic created" answer use it).</summary>
    public Task WhenCompiledAsync() => backgroundCompile ?? Task.CompletedTask;

    private async Task<List<Topic>> ListCustomAsync(CancellationToken cancellationToken)
    {
        var topics = new List<Topic>();
        await foreach (var name in blobs.Store.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            if ((await blobs.GetAsync<Topic>(name, cancellationToken).ConfigureAwait(false))?.Value is { } topic)
                topics.Add(topic);
        }
        return topics;
    }

    private static string BlobName(string id) => $"{Prefix}{id}.json";

    private static string Fingerprint(IEnumerable<Topic> topics) =>
        string.Join('\n', topics.Select(t => $"{t.Id}\t{t.Name}\t{t.Query}"));

    public void Dispose() => refreshGate.Dispose();

    private sealed record CompiledTopics(string Fingerprint, TopicMatcher Matcher);
}

using NewsMonitor.Feeds;
using NewsMonitor.Topics;

namespace NewsMonitor.Matching;

/// <summary>
/// The matcher in use, replaceable while items are being matched: a new topic set is compiled off to the
/// side and swapped in atomically, so matching never waits for a recompile and never sees half a set.
/// </summary>
public sealed class LiveTopicMatcher
{
    private readonly Lock _updateGate = new();
    private TopicMatcher _current;

    public LiveTopicMatcher(IReadOnlyList<Topic> topics) => _current = TopicMatcher.Compile(topics);

    public LiveTopicMatcher() => _current = TopicMatcher.Empty;

    /// <summary>The matcher compiled from the latest topic set.</summary>
    public TopicMatcher Current => Volatile.Read(ref _current);

    public IReadOnlyList<Topic> Topics => Current.Topics;

    public IReadOnlyList<TopicMatch> Match(NewsItem item) => Current.Match(item);

    /// <summary>Compiles <paramref name="topics"/> and swaps them in. Concurrent updates are applied one at a time, in call order.</summary>
    /// <exception cref="TopicsFileException">A query is invalid; the current topics stay in force.</exception>
    public void Update(IReadOnlyList<Topic> topics)
    {
        lock (_updateGate)
        {
            var compiled = TopicMatcher.Compile(topics);
            Volatile.Write(ref _current, compiled);
        }
    }

    /// <summary>Compiles on the thread pool, for callers (HTTP handlers) that must not spend their own thread on a large set.</summary>
    public Task UpdateAsync(IReadOnlyList<Topic> topics, CancellationToken cancellationToken) =>
        Task.Run(() => Update(topics), cancellationToken);
}

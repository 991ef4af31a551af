using NewsMonitor.Feeds;
using NewsMonitor.Matches;
using NewsMonitor.Matching;
using NewsMonitor.Pipeline;
using NewsMonitor.RecentItems;
using NewsMonitor.Topics;

namespace NewsMonitor.Backtest;

/// <summary>
/// Runs a query over the items of the last days — those the pipeline kept (<see cref="RecentItemsStore"/>) and the
/// stored matches, which reach back further than the store when it was off or newly turned on — without saving it.
/// </summary>
public sealed class Backtester(RecentItemsStore recent, MatchStore matches, TopicCatalog topics, TimeProvider time)
{
    /// <summary>At most this many matched items are listed (counts stay exact), so a broad query cannot make a huge answer.</summary>
    public const int MaxListed = 500;

    private const string DraftId = "draft";
    private const string SavedId = "saved";

    /// <exception cref="BacktestException">The request names an unknown topic, has a bad window, or a query that does not parse.</exception>
    public async Task<BacktestResult> RunAsync(BacktestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        if (!BacktestWindow.TryParse(request.Since, now, out var since, out var windowError)) throw new BacktestException(windowError);

        var hasQuery = !string.IsNullOrWhiteSpace(request.Query);
        if (hasQuery == !string.IsNullOrWhiteSpace(request.TopicId))
            throw new BacktestException("Give either \"query\" (a query to try) or \"topicId\" (a saved topic), not both and not neither.");
        var query = hasQuery ? request.Query! : (await RequireTopicAsync(request.TopicId!, "topicId", cancellationToken).ConfigureAwait(false)).Query;
        if (!TopicQuery.TryParse(query, out _, out var parseError))
            throw new BacktestException($"The query is not valid: {parseError.Message}", parseError.Position);
        var saved = request.CompareWith is { Length: > 0 } compareId ? await RequireTopicAsync(compareId, "compareWith", cancellationToken).ConfigureAwait(false) : null;

        Topic[] compiled = saved is null
            ? [new Topic { Id = DraftId, Name = DraftId, Query = query }]
            : [new Topic { Id = DraftId, Name = DraftId, Query = query }, new Topic { Id = SavedId, Name = SavedId, Query = saved.Query }];
        var matcher = TopicMatcher.Compile(compiled);

        var examined = 0;
        var found = new List<BacktestHit>();
        var caught = new List<BacktestHit>();
        var dropped = new List<BacktestHit>();
        var kept = 0;
        await foreach (var (item, seenAt) in ItemsAsync(since, cancellationToken).ConfigureAwait(false))
        {
            examined++;
            var result = matcher.Match(item);
            var draft = result.FirstOrDefault(m => m.TopicId == DraftId);
            var baseline = result.FirstOrDefault(m => m.TopicId == SavedId);
            if (draft is not null)
            {
                var change = saved is null ? null : baseline is null ? "new" : "kept";
                var hit = Hit(item, seenAt, draft, change);
                found.Add(hit);
                if (change == "new") caught.Add(hit); else if (change == "kept") kept++;
            }
            else if (baseline is not null)
            {
                dropped.Add(Hit(item, seenAt, baseline, "dropped"));
            }
        }

        var days = found
            .GroupBy(h => RecentItemsStore.DayName(DateOnly.FromDateTime(h.SeenAt.UtcDateTime)))
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => new BacktestDay(g.Key, g.Count(), g.OrderByDescending(h => h.SeenAt).ToList()))
            .ToList();
        var listed = 0;
        for (var i = 0; i < days.Count; i++)
        {
            var room = Math.Max(0, MaxListed - listed);
            if (days[i].Items.Count > room) days[i] = days[i] with { Items = days[i].Items.Take(room).ToList() };
            listed += days[i].Items.Count;
        }
        var comparison = saved is null ? null : new BacktestComparison(saved.Id, saved.Query, kept,
            caught.OrderByDescending(h => h.SeenAt).Take(MaxListed).ToList(),
            dropped.OrderByDescending(h => h.SeenAt).Take(MaxListed).ToList());
        return new BacktestResult(query, since, now, examined, found.Count, found.Count > MaxListed, days, comparison);
    }

    /// <summary>Recent items and stored matches since the window's start, each item once (by feed and id).</summary>
    private async IAsyncEnumerable<(NewsItem Item, DateTimeOffset SeenAt)> ItemsAsync(
        DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, string)>();
        await foreach (var recentItem in recent.ListAsync(since, cancellationToken).ConfigureAwait(false))
        {
            if (seen.Add((recentItem.Item.Feed, recentItem.Item.Id))) yield return (recentItem.Item, recentItem.SeenAt);
        }
        await foreach (var match in matches.ListAsync(null, since, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (seen.Add((match.Item.Feed, match.Item.Id))) yield return (match.Item, match.MatchedAt);
        }
    }

    private async Task<Topic> RequireTopicAsync(string id, string field, CancellationToken cancellationToken) =>
        await topics.GetAsync(id, cancellationToken).ConfigureAwait(false)
        ?? throw new BacktestException($"\"{field}\": topic '{id}' does not exist. GET /api/topics lists the topics.");

    private static BacktestHit Hit(NewsItem item, DateTimeOffset seenAt, TopicMatch match, string? change) =>
        new(new BacktestItem(item.Id, item.Title, item.Link, item.Published, item.Feed), seenAt,
            match.Terms, match.Hits, match.Snippet, MatchReason.Describe(match), change);
}

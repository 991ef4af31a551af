using NewsMonitor.Matching;

namespace NewsMonitor.Backtest;

/// <summary>
/// What a query would have matched over the window, by UTC day (newest first), and — when compared with a saved
/// topic — the items it would newly catch and those it would drop.
/// </summary>
public sealed record BacktestResult(
    string Query,
    DateTimeOffset Since,
    DateTimeOffset Until,
    int ItemsExamined,
    int Matched,
    bool Truncated,
    IReadOnlyList<BacktestDay> Days,
    BacktestComparison? Comparison);

/// <summary>One UTC day: how many items matched, and those items (newest first).</summary>
public sealed record BacktestDay(string Date, int Matched, IReadOnlyList<BacktestHit> Items);

/// <summary>
/// The draft against a saved topic's query: <see cref="Caught"/> matched only by the draft, <see cref="Dropped"/>
/// matched only by the saved query (shown with the saved query's reason), <see cref="Kept"/> how many both match.
/// </summary>
public sealed record BacktestComparison(string TopicId, string SavedQuery, int Kept, IReadOnlyList<BacktestHit> Caught, IReadOnlyList<BacktestHit> Dropped);

/// <summary>
/// An item and why the query matches it: terms, fields, a snippet with hits marked as [hit], and a sentence.
/// <see cref="Change"/> is "new" (only the draft), "kept" (both) or "dropped" (only the saved query) when compared.
/// </summary>
public sealed record BacktestHit(
    BacktestItem Item,
    DateTimeOffset SeenAt,
    IReadOnlyList<string> Terms,
    IReadOnlyList<TermHit> Hits,
    string Snippet,
    string Reason,
    string? Change);

public sealed record BacktestItem(string Id, string Title, string? Link, DateTimeOffset? Published, string Feed);

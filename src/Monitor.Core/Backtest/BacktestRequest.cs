namespace NewsMonitor.Backtest;

/// <summary>
/// <c>POST /api/topics/backtest</c>: a <see cref="Query"/> (a draft) or a saved topic's <see cref="TopicId"/>, how far
/// back (<see cref="Since"/>, default 7d), and optionally the topic whose saved query the result is compared with.
/// </summary>
public sealed record BacktestRequest
{
    public string? Query { get; init; }
    public string? TopicId { get; init; }
    public string? Since { get; init; }
    public string? CompareWith { get; init; }
}

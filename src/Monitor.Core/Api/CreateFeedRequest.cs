namespace NewsMonitor.Api;

/// <summary>Body of <c>POST /api/feeds</c>: the feed's URL and, optionally, a name to show for it.</summary>
public sealed record CreateFeedRequest
{
    public required string Url { get; init; }
    public string? Name { get; init; }
}

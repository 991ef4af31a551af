namespace NewsMonitor.Api;

/// <summary>Body of <c>POST /api/matches/{id}/feedback</c>: was the match relevant to its topic, and an optional note why.</summary>
public sealed record FeedbackRequest
{
    public bool? Relevant { get; init; }
    public string? Note { get; init; }
}

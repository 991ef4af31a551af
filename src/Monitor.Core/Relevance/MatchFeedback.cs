namespace NewsMonitor.Relevance;

/// <summary>
/// A user's verdict on one stored match (<c>POST /api/matches/{id}/feedback</c>), kept with the item's text so it
/// stays a labelled example of the topic after the match itself has aged out: <see cref="ToExample"/>.
/// The latest verdict on a match replaces the earlier one.
/// </summary>
public sealed record MatchFeedback
{
    public required string MatchId { get; init; }
    public required string TopicId { get; init; }
    public required bool Relevant { get; init; }
    public string? Note { get; init; }
    public required string Title { get; init; }
    public string Summary { get; init; } = "";
    public required DateTimeOffset GivenAt { get; init; }

    public LabelledExample ToExample() => new()
    {
        Id = "feedback:" + MatchId,
        Title = Title,
        Summary = Summary,
        Labels = Relevant ? [TopicId] : [],
    };
}

namespace NewsMonitor.Api;

/// <summary>Body of <c>POST /api/topics</c>.</summary>
public sealed record CreateTopicRequest
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Query { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
}

namespace NewsMonitor.Api;

/// <summary>
/// Body of <c>PUT /api/topics/{id}</c>: the topic's new name and query (and description, languages). The id is the
/// route's; it may be repeated in the body, but must then be the same.
/// </summary>
public sealed record UpdateTopicRequest
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public required string Query { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
}

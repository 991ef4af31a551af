namespace NewsMonitor.Alerts;

/// <summary>The <c>data</c> of an alert: what matched, where, and why.</summary>
public sealed record AlertData
{
    public required AlertTopic Topic { get; init; }

    /// <summary>Why the story matched <see cref="Topic"/>, in one sentence for a person (<see cref="AlertWhy"/>).</summary>
    public string? Why { get; init; }

    /// <summary>Every topic the story matched, <see cref="Topic"/> first, each with its sentence.</summary>
    public IReadOnlyList<AlertTopicMatch>? Topics { get; init; }

    public required AlertItem Item { get; init; }

    /// <summary>The distinct matched terms, in the order they were first found.</summary>
    public required IReadOnlyList<string> Terms { get; init; }

    /// <summary>Each term with the field it was found in (title or summary).</summary>
    public required IReadOnlyList<AlertHit> Hits { get; init; }

    public required string Snippet { get; init; }

    /// <summary>Every feed known to have carried this story, the item's own feed first.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>The same feeds as <see cref="Sources"/>, with their names where known.</summary>
    public IReadOnlyList<AlertSource>? SourceFeeds { get; init; }
}

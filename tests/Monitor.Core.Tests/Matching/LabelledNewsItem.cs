using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Matching;

/// <summary>A news item with the seed topics a careful reader would file it under.</summary>
public sealed record LabelledNewsItem(string Language, string Title, string Summary, params string[] Topics)
{
    public NewsItem ToNewsItem(int index) => new()
    {
        Feed = "labelled",
        Id = $"item-{index}",
        Title = Title,
        Summary = Summary,
    };

    public override string ToString() => $"[{Language}] {Title}";
}

using System.Text;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Scanning;

namespace NewsMonitor.Tests.Scanning;

/// <summary>JSON lines written to a stream are the bytes of <see cref="ScanHitFormat.ToJsonLine"/>, line by line.</summary>
public sealed class ScanHitJsonLinesTests
{
    private static readonly NewsItem Tricky = new()
    {
        Feed = "https://news.example/feed?a=1&b=\"2\"",
        Id = "id with \"quotes\", \\backslash\\ and\ttab",
        Title = "Line one\nline two\r\n<b>&amp;</b> Шикотан 歯舞 😀 \u2028 \u0001",
        Link = null,
        Published = null,
    };

    private static readonly NewsItem Plain = new()
    {
        Feed = "feed.xml",
        Id = "g1",
        Title = "Habomai",
        Link = "http://x.example/1",
        Published = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(9)),
    };

    private static TopicMatch Match(string id, params TermHit[] hits) =>
        new(id, $"Name of \"{id}\" – ü", hits, $"…the [{id}]\tsnippet \"quoted\" \\ 😀…");

    [Fact]
    public void Writes_the_bytes_of_the_string_lines_for_tricky_text_null_link_and_dates()
    {
        ScanHit[] hits =
        [
            new(Tricky, Match("t1", new TermHit("a*", TermHit.TitleField), new TermHit("a*", TermHit.SummaryField), new TermHit("\"b c\"", TermHit.SummaryField))),
            new(Tricky, Match("t2", new TermHit("歯舞", TermHit.TitleField))),
            new(Plain, Match("t1")),
            new(Plain, Match("t3", new TermHit("habomai", TermHit.TitleField))),
            new(Tricky, Match("t4", new TermHit("x", TermHit.TitleField))),
        ];
        var expected = string.Concat(hits.Select(hit => ScanHitFormat.ToJsonLine(hit) + Environment.NewLine));

        using var stream = new MemoryStream();
        using (var lines = new ScanHitJsonLines(stream))
        {
            foreach (var hit in hits) lines.Write(hit);
        }

        Assert.Equal(Encoding.UTF8.GetBytes(expected), stream.ToArray());
    }

    [Fact]
    public void The_line_keeps_its_fields_order_and_escaping()
    {
        var hit = new ScanHit(Plain with { Title = "A \"quoted\" title – 歯舞" }, new TopicMatch("t", "T", [new TermHit("歯舞", "title"), new TermHit("歯舞", "summary")], "[歯舞]\n<x>"));

        Assert.Equal(
            """{"topic":"t","topicName":"T","feed":"feed.xml","itemId":"g1","title":"A \"quoted\" title – 歯舞","link":"http://x.example/1","published":"2026-11-30T08:00:00+09:00","terms":["歯舞"],"hits":[{"term":"歯舞","field":"title"},{"term":"歯舞","field":"summary"}],"snippet":"[歯舞]\n<x>"}""",
            ScanHitFormat.ToJsonLine(hit));
    }

    [Fact]
    public void Writes_through_in_blocks_and_everything_on_flush()
    {
        using var stream = new MemoryStream();
        var lines = new ScanHitJsonLines(stream);
        var line = Encoding.UTF8.GetByteCount(ScanHitFormat.ToJsonLine(new ScanHit(Plain, Match("t1"))) + Environment.NewLine);

        for (var i = 0; i < 2000; i++) lines.Write(new ScanHit(Plain, Match("t1")));
        Assert.InRange(stream.Length, 1, 2000L * line - 1); // written in blocks as it goes, the rest buffered
        lines.Flush();

        Assert.Equal(2000L * line, stream.Length);
    }
}

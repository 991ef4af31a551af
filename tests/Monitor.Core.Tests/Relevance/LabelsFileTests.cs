using NewsMonitor.Relevance;

namespace NewsMonitor.Tests.Relevance;

public sealed class LabelsFileTests
{
    [Fact]
    public void Reads_json_lines_skipping_blank_and_comment_lines()
    {
        var examples = LabelsFile.Parse("""
            # a comment
            {"id": "a", "title": "Kuril row", "summary": "s", "language": "en", "labels": ["northern-territories"]}

            {"id": "b", "title": "Shikoku", "labels": []}
            """, "x.jsonl");
        Assert.Equal(["a", "b"], examples.Select(e => e.Id));
        Assert.Equal("en", examples[0].Language);
        Assert.Equal("", examples[1].Summary);
        Assert.True(examples[0].HasLabel("northern-territories"));
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"title\": \"t\", \"labels\": []}\nnot json", "x.jsonl:2: not a labelled example")]
    [InlineData("{\"title\": \"t\", \"labels\": []}", "x.jsonl:1: not a labelled example")]
    [InlineData("{\"id\": \"a\", \"title\": \"\", \"labels\": []}", "x.jsonl:1: 'a' has neither a title nor a summary")]
    [InlineData("{\"id\": \"a\", \"title\": \"t\", \"labels\": [\"\"]}", "x.jsonl:1: 'a': 'labels' must be an array of topic ids")]
    [InlineData("{\"id\": \"a\", \"title\": \"t\", \"labels\": []}\n{\"id\": \"a\", \"title\": \"u\", \"labels\": []}", "x.jsonl:2: id 'a' is used twice")]
    public void A_bad_line_is_reported_with_file_and_line(string text, string reason)
    {
        var error = Assert.Throws<LabelsFileException>(() => LabelsFile.Parse(text, "x.jsonl"));
        Assert.StartsWith(reason, error.Message);
    }
}

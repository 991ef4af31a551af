using System.Text.Json;

namespace NewsMonitor.Tests.Cli;

/// <summary><c>monitor topics evaluate --labels FILE</c>: scores per topic, every mistake explained, thresholds as exit codes (issue 12).</summary>
public sealed class TopicsEvaluateCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Topics() => _folder.Write("topics.json", """
        {
          "lists": { "japan": ["japan*", "日本"], "hazards": ["earthquake*", "地震"] },
          "topics": [ { "id": "kurils", "name": "Kuril dispute", "query": "kuril* @japan -@hazards" } ]
        }
        """);

    private string Labels() => _folder.Write("labels.jsonl", """
        {"id": "tp", "title": "Japan protests Russian drills on the Kurils", "summary": "", "language": "en", "labels": ["kurils"]}
        {"id": "fn", "title": "Kuril Islands: Moscow rules out handover", "summary": "", "language": "en", "labels": ["kurils"]}
        {"id": "fp", "title": "Kuril quake felt in Japan", "summary": "No tsunami.", "language": "en", "labels": []}
        {"id": "tn", "title": "Kuril earthquake rattles Japan's north", "summary": "", "language": "en", "labels": []}
        """);

    [Fact]
    public async Task Prints_scores_and_explains_every_false_positive_and_false_negative()
    {
        var result = await CliRun.InProcessAsync("topics", "evaluate", "--labels", Labels(), "--topics", Topics());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^kurils\s+0\.500\s+0\.500\s+0\.500\s+1\s+1\s+1$", result.OutputLines[1]);
        Assert.Contains("FP fp [en] Kuril quake felt in Japan", result.OutputLines);
        Assert.Contains(result.OutputLines, l => l.StartsWith("hit: \"kuril*\", \"japan*\""));
        Assert.Contains("FN fn [en] Kuril Islands: Moscow rules out handover", result.OutputLines);
        Assert.Contains("why not: no term of @japan found", result.OutputLines);
    }

    [Fact]
    public async Task Json_output_is_one_document_with_the_mistakes()
    {
        var result = await CliRun.InProcessAsync("topics", "evaluate", "--labels", Labels(), "--topics", Topics(), "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var topic = json.RootElement.GetProperty("topics")[0];
        Assert.Equal("kurils", topic.GetProperty("topicId").GetString());
        Assert.Equal(0.5, topic.GetProperty("precision").GetDouble());
        var falseNegative = topic.GetProperty("mistakes").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "false-negative");
        Assert.Equal("no term of @japan found", falseNegative.GetProperty("whyNot")[0].GetString());
    }

    [Fact]
    public async Task A_threshold_that_is_not_met_exits_1_naming_the_topic()
    {
        var result = await CliRun.ExecutableAsync("topics", "evaluate", "--labels", Labels(), "--topics", Topics(), "--min-precision", "0.9");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("threshold not met: kurils: precision 0.500 is below 0.900", result.ErrorLines);

        var met = await CliRun.InProcessAsync("topics", "evaluate", "--labels", Labels(), "--topics", Topics(), "--min-precision", "0.5", "--min-recall", "0.5");
        Assert.True(met.ExitCode == 0, met.ToString());
    }

    [Theory]
    [InlineData("--min-recall", "1.5", "--min-recall must be between 0 and 1")]
    [InlineData("--topic", "nope", "No topic 'nope'")]
    public async Task Bad_options_exit_2(string option, string value, string message)
    {
        var result = await CliRun.InProcessAsync("topics", "evaluate", "--labels", Labels(), "--topics", Topics(), option, value);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task A_bad_labels_file_exits_2_with_its_line()
    {
        var labels = _folder.Write("bad.jsonl", "{\"id\": \"a\", \"title\": \"t\", \"labels\": []}\n{oops\n");
        var result = await CliRun.InProcessAsync("topics", "evaluate", "--labels", labels, "--topics", Topics());
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("bad.jsonl:2:", result.Error);

        var missing = await CliRun.InProcessAsync("topics", "evaluate", "--labels", _folder.Missing("none.jsonl"), "--topics", Topics());
        Assert.True(missing.ExitCode == 2, missing.ToString());
    }

    public void Dispose() => _folder.Dispose();
}

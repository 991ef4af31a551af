using System.Net;
using System.Text.Json;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Tests.Cli;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// Feedback that tunes (issue 12): a real local host polls a loopback feed; marking a confounder not relevant through
/// the API (and the CLI) yields a suggested query edit that drops it without losing any labelled positive.
/// </summary>
public sealed class FeedbackSuggestionsApiTests : IAsyncLifetime
{
    private const string Quake = "Kuril earthquake of magnitude 6.1 felt across Hokkaido";
    private const string Drills = "Japan protests Russian military drills on the Kurils";
    private const string Claim = "Russia rejects Japan's claim to the southern Kurils";
    private const string Volcano = "Kuril volcano Ebeko erupts again";

    private readonly TempFolder _folder = new();
    private ApiHost host = null!;

    public async Task InitializeAsync()
    {
        var topics = _folder.Write("topics.json", """
            { "lists": { "japan": ["japan*", "tokyo"] },
              "topics": [ { "id": "kurils", "name": "Kuril dispute", "query": "kuril* OR курил*" } ] }
            """);
        // A labels file beside the feedback: one more relevant item and one more confounder.
        var labels = _folder.Write("labels.jsonl", $$"""
            {"id": "file-claim", "title": "{{Claim}}", "summary": "", "labels": ["kurils"]}
            {"id": "file-volcano", "title": "{{Volcano}}", "summary": "", "labels": []}
            """);
        host = await ApiHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Monitor:TopicsFile"] = topics, ["Monitor:RelevanceLabelFiles:0"] = labels },
            feed: StoryFeed.Rss(("quake", Quake, "https://news.example/quake"), ("drills", Drills, "https://news.example/drills"), ("bakery", StoryFeed.UnrelatedTitle, "https://news.example/bakery")));
        await host.WaitForAsync("api/matches?topic=kurils", list => list.GetArrayLength() == 2, "two kurils matches");
    }

    private async Task<string> MatchIdAsync(string title)
    {
        var matches = await host.GetJsonAsync("api/matches?topic=kurils");
        return matches.EnumerateArray().Single(m => m.GetProperty("item").GetProperty("title").GetString() == title).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Marking_a_confounder_not_relevant_yields_a_suggestion_that_removes_it_without_losing_a_positive()
    {
        var quakeId = await MatchIdAsync(Quake);
        var given = await host.PostJsonAsync($"api/matches/{quakeId}/feedback", new { relevant = false, note = "news from the islands, not the dispute" }, HttpStatusCode.OK);
        Assert.False(given.GetProperty("relevant").GetBoolean());
        Assert.Equal("kurils", given.GetProperty("topicId").GetString());

        // The CLI gives the other verdict through the same API.
        var cli = await CliRun.InProcessAsync("feedback", await MatchIdAsync(Drills), "--relevant", "--api", host.BaseAddress.AbsoluteUri, "--api-key", ApiHost.ApiKey);
        Assert.True(cli.ExitCode == 0, cli.ToString());

        var answer = await host.GetJsonAsync("api/topics/kurils/suggestions");
        Assert.Equal(4, answer.GetProperty("examples").GetInt32()); // two verdicts stored through the API, two from the labels file
        Assert.Equal(2, answer.GetProperty("relevant").GetInt32());
        var best = answer.GetProperty("suggestions")[0];
        Assert.Equal(0, best.GetProperty("lostRelevant").GetInt32());
        Assert.Contains(best.GetProperty("lost").EnumerateArray(), c => c.GetProperty("id").GetString() == "feedback:" + quakeId && !c.GetProperty("relevant").GetBoolean());
        Assert.Empty(best.GetProperty("gained").EnumerateArray());
        Assert.Equal(1.0, best.GetProperty("recallAfter").GetDouble());
        Assert.True(best.GetProperty("precisionAfter").GetDouble() > best.GetProperty("precisionBefore").GetDouble());

        // The suggested query, as the matcher runs it: the confounder is gone, both positives stay.
        var edited = TopicMatcher.Compile([new Topic { Id = "kurils", Name = "k", Query = best.GetProperty("query").GetString()!, Lists = TopicsFile.LoadDocument(Path.Combine(_folder.Path, "topics.json")).Lists }]);
        Assert.Empty(edited.Match(Item(Quake)));
        Assert.Single(edited.Match(Item(Drills)));
        Assert.Single(edited.Match(Item(Claim)));

        var cliSuggest = await CliRun.InProcessAsync("topics", "suggest", "kurils", "--format", "json", "--api", host.BaseAddress.AbsoluteUri, "--api-key", ApiHost.ApiKey);
        Assert.True(cliSuggest.ExitCode == 0, cliSuggest.ToString());
        Assert.Equal(best.GetProperty("query").GetString(), JsonDocument.Parse(cliSuggest.Output).RootElement.GetProperty("suggestions")[0].GetProperty("query").GetString());
        // As text, for a person: the edit, its reason and the confounder it drops.
        var cliText = await CliRun.InProcessAsync("topics", "suggest", "kurils", "--api", host.BaseAddress.AbsoluteUri, "--api-key", ApiHost.ApiKey);
        Assert.True(cliText.ExitCode == 0, cliText.ToString());
        Assert.Contains("stops matching (not relevant): " + Quake, cliText.Output);
    }

    [Fact]
    public async Task Bad_feedback_is_a_problem_and_changes_nothing()
    {
        var id = await MatchIdAsync(Quake);
        using (var noVerdict = await host.Client.PostAsync($"api/matches/{id}/feedback", ApiHost.Json("""{"note": "hm"}""")))
            await Problems.AssertAsync(noVerdict, HttpStatusCode.BadRequest);
        using (var unknown = await host.Client.PostAsync($"api/matches/kurils.{new string('0', 32)}/feedback", ApiHost.Json("""{"relevant": true}""")))
            await Problems.AssertAsync(unknown, HttpStatusCode.NotFound);
        using (var malformed = await host.Client.PostAsync("api/matches/not-a-match-id/feedback", ApiHost.Json("""{"relevant": true}""")))
            await Problems.AssertAsync(malformed, HttpStatusCode.NotFound);
        using (var noTopic = await host.Client.GetAsync("api/topics/no-such-topic/suggestions"))
            await Problems.AssertAsync(noTopic, HttpStatusCode.NotFound);
        // Nothing was stored: the topic's examples are still only the labels file's two.
        Assert.Equal(2, (await host.GetJsonAsync("api/topics/kurils/suggestions")).GetProperty("examples").GetInt32());

        var cli = await CliRun.InProcessAsync("feedback", id, "--api", host.BaseAddress.AbsoluteUri, "--api-key", ApiHost.ApiKey);
        Assert.True(cli.ExitCode == 2, cli.ToString());
    }

    private static NewsItem Item(string title) => new() { Feed = "t", Id = title, Title = title, Summary = title + "." };

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        _folder.Dispose();
    }
}

using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Functions.Functions;
using NewsMonitor.Matches;
using NewsMonitor.Tests.Api;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.Functions;

/// <summary>
/// A topic created through the CreateTopic function is in force for the very next poll, and one deleted through
/// DeleteTopic no longer matches: a story polled right after the change is never lost to a stale matcher.
/// </summary>
public sealed class CustomTopicFunctionsTests : IAsyncLifetime
{
    private const string KunashirTitle = "Ferry service to Kunashir resumes";
    private FunctionsApp app = null!;

    public async Task InitializeAsync()
    {
        app = await FunctionsApp.StartAsync();
        // A first poll compiles the matcher with the topics of the file.
        app.ServeFeed(StoryFeed.ShikotanAndUnrelated());
        await app.Activate<PollFeed>().Run(app.FeedUrl.AbsoluteUri, CancellationToken.None);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ATopicCreatedThroughTheApiMatchesTheNextPolledStory()
    {
        var (status, _, _) = await ApiFunctionCall.InvokeAsync(app, "CreateTopic",
            jsonBody: """{"id": "kunashir-ferry", "name": "Kunashir ferry", "query": "kunashir ferry"}""");
        Assert.Equal(201, status);

        var summary = await PollKunashirFeedAsync("/kunashir.xml");

        Assert.Equal(1, summary.NewItems);
        var match = Assert.Single(await app.Services.GetRequiredService<MatchStore>().ListAsync("kunashir-ferry", null, 10, CancellationToken.None).ToListAsync());
        Assert.Equal(KunashirTitle, match.Item.Title);
    }

    [Fact]
    public async Task ATopicDeletedThroughTheApiNoLongerMatches()
    {
        await ApiFunctionCall.InvokeAsync(app, "CreateTopic", jsonBody: """{"id": "kunashir-ferry", "name": "Kunashir ferry", "query": "kunashir ferry"}""");
        await PollKunashirFeedAsync("/first.xml");

        var (status, _, _) = await ApiFunctionCall.InvokeAsync(app, "DeleteTopic", id: "kunashir-ferry");
        Assert.Equal(204, status);
        await PollKunashirFeedAsync("/second.xml", guid: "kunashir-2", title: "Second Kunashir ferry joins the route");

        var match = Assert.Single(await app.Services.GetRequiredService<MatchStore>().ListAsync("kunashir-ferry", null, 10, CancellationToken.None).ToListAsync());
        Assert.Equal(KunashirTitle, match.Item.Title);
    }

    /// <summary>Polls a feed never polled before (so it is due) carrying one story about the Kunashir ferry.</summary>
    private Task<Pipeline.FeedPollSummary> PollKunashirFeedAsync(string path, string guid = "kunashir-1", string title = KunashirTitle)
    {
        var url = app.Feeds.Serve(path, FeedServerResponses.Feed(StoryFeed.Rss((guid, title, $"https://news.example/{guid}"))));
        return app.Activate<PollFeed>().Run(url.AbsoluteUri, CancellationToken.None);
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Functions.Functions;
using NewsMonitor.Matches;
using NewsMonitor.Tests.Api;

namespace NewsMonitor.Tests.Functions;

/// <summary>
/// PollFeeds (timer) and PollFeed (queue) called directly with real Monitor.Core services: the timer hands the due
/// feed to the feed-polls queue, and the message it writes is what PollFeed takes to store the match.
/// </summary>
public sealed class TimerAndQueueFunctionsTests : IAsyncLifetime
{
    private FunctionsApp app = null!;

    public async Task InitializeAsync()
    {
        app = await FunctionsApp.StartAsync();
        app.ServeFeed(StoryFeed.ShikotanAndUnrelated());
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task PollFeedsEnqueuesTheDueFeedOnFeedPolls()
    {
        var result = await app.Activate<PollFeeds>().Run(new TimerInfo(), CancellationToken.None);

        Assert.Equal(1, result.Feeds);
        Assert.Equal(1, result.FeedsEnqueued);
        Assert.Equal(app.FeedUrl.AbsoluteUri, await FunctionsApp.TakeSingleMessageAsync(app.Queues.FeedPolls));
    }

    [Fact]
    public async Task PollFeedStoresTheMatchOfTheEnqueuedFeedAndNothingForTheUnrelatedItem()
    {
        await app.Activate<PollFeeds>().Run(new TimerInfo(), CancellationToken.None);
        var source = await FunctionsApp.TakeSingleMessageAsync(app.Queues.FeedPolls);

        var summary = await app.Activate<PollFeed>().Run(source, CancellationToken.None);

        Assert.True(summary.Polled);
        Assert.Null(summary.Error);
        Assert.Equal(2, summary.NewItems);
        var matches = await app.Services.GetRequiredService<MatchStore>().ListAsync(null, null, 100, CancellationToken.None).ToListAsync();
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Equal(StoryFeed.ShikotanTitle, m.Item.Title));
        Assert.Contains(matches, m => m.TopicId == "shikotan" && m.Sources.SequenceEqual([app.FeedUrl.AbsoluteUri]));
    }

    [Fact]
    public async Task APolledFeedIsNotEnqueuedAgainByTheNextTimerRun()
    {
        await app.Activate<PollFeed>().Run(app.FeedUrl.AbsoluteUri, CancellationToken.None);

        var result = await app.Activate<PollFeeds>().Run(new TimerInfo(), CancellationToken.None);

        Assert.Equal(0, result.FeedsEnqueued);
        Assert.Empty(await app.Queues.FeedPolls.ReceiveAsync(32, TimeSpan.FromMinutes(5), CancellationToken.None));
    }
}

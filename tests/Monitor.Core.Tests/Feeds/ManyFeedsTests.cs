using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Feeds;
using NewsMonitor.Testing;
using Xunit.Abstractions;
using static NewsMonitor.Testing.FeedServerResponses;

namespace NewsMonitor.Tests.Feeds;

/// <summary><see cref="FeedLoader.LoadAllAsync(IEnumerable{string}, int, CancellationToken)"/>: the bounded concurrent read behind <c>monitor scan</c>.</summary>
public sealed class ManyFeedsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_thousand_loopback_feeds_of_twenty_items_load_within_ten_seconds()
    {
        var sources = Enumerable.Range(0, 1000)
            .Select(i => _server.Serve($"/feeds/{i}.xml", Feed(FeedServerDocuments.Rss(20, $"f{i}"))).ToString())
            .ToArray();
        var loader = FeedReadingTestServices.Create().GetRequiredService<FeedLoader>();
        var clock = Stopwatch.StartNew();

        var results = new List<FeedLoadResult>();
        await foreach (var result in loader.LoadAllAsync(sources, maxConcurrency: 32, CancellationToken.None))
            results.Add(result);

        clock.Stop();
        output.WriteLine($"1,000 feeds x 20 items: {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.Equal(1000, results.Count);
        Assert.All(results, r => Assert.Equal(FeedLoadOutcome.Parsed, r.Outcome));
        Assert.Equal(20_000, results.Sum(r => r.Feed!.Items.Count));
        Assert.Equal(sources.Order(), results.Select(r => r.Source).Order());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Broken_feeds_in_a_batch_fail_alone_and_the_per_host_limit_holds()
    {
        var inFlight = 0;
        var mostInFlight = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var good = Feed(FeedServerDocuments.Rss(2));
        var sources = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            sources.Add(_server.Serve($"/slow/{i}.xml", async context =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref mostInFlight, now);
                if (now >= 3) release.TrySetResult();
                await release.Task.WaitAsync(context.RequestAborted);
                Interlocked.Decrement(ref inFlight);
                await good(context);
            }).ToString());
        }

        sources.Add(_server.Serve("/broken.xml", Status(500)).ToString());
        var loader = FeedReadingTestServices.Create(o => o.MaxConcurrentPerHost = 3).GetRequiredService<FeedLoader>();

        var results = new List<FeedLoadResult>();
        await foreach (var result in loader.LoadAllAsync(sources, maxConcurrency: 16, CancellationToken.None))
            results.Add(result);

        Assert.Equal(13, results.Count);
        Assert.Equal(12, results.Count(r => r.Outcome == FeedLoadOutcome.Parsed));
        Assert.Equal("HTTP 500 Internal Server Error", results.Single(r => r.Outcome == FeedLoadOutcome.Failed).Error);
        Assert.InRange(mostInFlight, 1, 3);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_cancels_the_rest()
    {
        var sources = Enumerable.Range(0, 50).Select(i => _server.Serve($"/stall/{i}.xml", SlowHeaders()).ToString()).Prepend(
            _server.Serve("/first.xml", Feed(FeedServerDocuments.Rss(1))).ToString());
        var loader = FeedReadingTestServices.Create(o => o.ReadTimeout = TimeSpan.FromMinutes(1)).GetRequiredService<FeedLoader>();
        var clock = Stopwatch.StartNew();

        FeedLoadResult? first = null;
        await foreach (var result in loader.LoadAllAsync(sources, maxConcurrency: 4, CancellationToken.None))
        {
            first = result;
            break;
        }

        Assert.Equal(FeedLoadOutcome.Parsed, first!.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Feeds;
using NewsMonitor.RecentItems;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.RecentItems;

/// <summary>The recent-items store: appends by day and feed, reads a window back, prunes what is older than its days, caps summaries.</summary>
public sealed class RecentItemsStoreTests : IDisposable
{
    private const string Feed = "https://news.example/rss";
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("newsmonitor-recent-");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
    private readonly FolderBlobStore blobs;

    public RecentItemsStoreTests() => blobs = new FolderBlobStore(root.FullName);

    public void Dispose() => root.Delete(recursive: true);

    private RecentItemsStore Store(int days = 3, int maxSummary = 2000) =>
        new(blobs, Options.Create(new RecentItemsOptions { Days = days, MaxSummaryChars = maxSummary }), clock);

    private static NewsItem Item(string id, string? summary = null) => new() { Feed = Feed, Id = id, Title = $"Story {id}", Summary = summary };

    private async Task<List<RecentItem>> ListAsync(RecentItemsStore store, DateTimeOffset since)
    {
        var items = new List<RecentItem>();
        await foreach (var item in store.ListAsync(since, CancellationToken.None)) items.Add(item);
        return items;
    }

    [Fact]
    public async Task ItemsAppendedOnOneDayAreReadBackInOrderWithWhenTheyWereSeen()
    {
        var store = Store();
        await store.AppendAsync(Feed, [Item("a"), Item("b")], CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        await store.AppendAsync(Feed, [Item("c")], CancellationToken.None);

        var items = await ListAsync(store, clock.GetUtcNow().AddDays(-1));

        Assert.Equal(["a", "b", "c"], items.Select(i => i.Item.Id));
        Assert.Equal(clock.GetUtcNow(), items[2].SeenAt);
        Assert.Single(await blobs.ListAsync(RecentItemsStore.Prefix, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task TheWindowStartIsRespectedWithinADay()
    {
        var store = Store();
        await store.AppendAsync(Feed, [Item("early")], CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));
        await store.AppendAsync(Feed, [Item("late")], CancellationToken.None);

        var items = await ListAsync(store, clock.GetUtcNow().AddHours(-1));

        Assert.Equal(["late"], items.Select(i => i.Item.Id));
    }

    [Fact]
    public async Task DaysOlderThanTheLimitAreDeletedAndNeverRead()
    {
        var store = Store(days: 2);
        await store.AppendAsync(Feed, [Item("day1")], CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        await store.AppendAsync(Feed, [Item("day2")], CancellationToken.None);
        Assert.Equal(["day1", "day2"], (await ListAsync(store, clock.GetUtcNow().AddDays(-5))).Select(i => i.Item.Id));

        clock.Advance(TimeSpan.FromDays(1));
        await store.AppendAsync(Feed, [Item("day3")], CancellationToken.None);

        Assert.Equal(["day2", "day3"], (await ListAsync(store, clock.GetUtcNow().AddDays(-5))).Select(i => i.Item.Id));
        var names = await blobs.ListAsync(RecentItemsStore.Prefix, CancellationToken.None).ToListAsync();
        Assert.DoesNotContain(names, n => n.Contains("2026-11-30", StringComparison.Ordinal));
        Assert.Equal(2, names.Count);
    }

    [Fact]
    public async Task LongSummariesAreCutAndZeroDaysStoresNothing()
    {
        await Store(maxSummary: 10).AppendAsync(Feed, [Item("long", new string('x', 50))], CancellationToken.None);
        Assert.Equal(10, (await ListAsync(Store(), clock.GetUtcNow().AddDays(-1))).Single().Item.Summary!.Length);

        var off = Store(days: 0);
        await off.AppendAsync("https://other.example/rss", [Item("ignored")], CancellationToken.None);
        Assert.Single(await blobs.ListAsync(RecentItemsStore.Prefix, CancellationToken.None).ToListAsync());
    }

    [Theory]
    [InlineData(-1, 2000, false)]
    [InlineData(32, 2000, false)]
    [InlineData(7, -5, false)]
    [InlineData(0, 2000, true)]
    [InlineData(31, 0, true)]
    public void OptionsAreBounded(int days, int maxSummary, bool valid)
    {
        var result = new RecentItemsOptionsValidator().Validate(null, new RecentItemsOptions { Days = days, MaxSummaryChars = maxSummary });
        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains("Monitor:RecentItems", result.FailureMessage);
    }
}

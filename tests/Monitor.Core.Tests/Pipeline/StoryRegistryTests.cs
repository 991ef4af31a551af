using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Feeds;
using NewsMonitor.Pipeline;
using NewsMonitor.Storage;
using NewsMonitor.Storage.Counting;

namespace NewsMonitor.Tests.Pipeline;

public sealed class StoryRegistryTests : IDisposable
{
    private static readonly string[] Words =
    [
        "ferry", "port", "island", "treaty", "summit", "fleet", "harbour", "visa", "talks", "minister", "kyodo", "tass",
        "shikotan", "habomai", "kunashir", "iturup", "resumes", "reopens", "delayed", "signed", "fishing", "border",
    ];

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("newsmonitor-stories-");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly StorageTransactionCounter counter = new();
    private readonly StoryRegistry registry;

    public StoryRegistryTests() =>
        registry = new StoryRegistry(new JsonBlobs(new CountingBlobStore(new FolderBlobStore(root.FullName), counter)), time);

    public void Dispose() => root.Delete(recursive: true);

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private static NewsItem Item(int n, string title) =>
        new() { Feed = $"https://feed{n % 3}.example/rss", Id = $"item-{n}", Title = title, Link = $"https://site{n % 5}.example/story/{n}" };

    [Fact]
    public async Task Indexed_batches_give_the_same_keys_as_comparing_every_title_with_every_earlier_one()
    {
        // Titles from a small vocabulary, so many are near-duplicates of an earlier one and many are not.
        var random = new Random(15);
        var items = Enumerable.Range(0, 600)
            .Select(n => Item(n, string.Join(' ', Enumerable.Range(0, random.Next(3, 9)).Select(_ => Words[random.Next(Words.Length)]))))
            .ToArray();

        // Reference: the registry as it was, one title at a time against the whole list, oldest claim first.
        var claims = new List<(string Title, string Key)>();
        var expected = new List<string>();
        foreach (var item in items)
        {
            var own = StoryRegistry.OwnKey(item);
            if (StoryKey.TitleFingerprint(item.Title) is null) { expected.Add(own); continue; }
            var seen = claims.FirstOrDefault(c => StoryKey.AreNearDuplicateTitles(c.Title, item.Title));
            if (seen.Key is not null) { expected.Add(seen.Key); continue; }
            claims.Add((item.Title, own));
            expected.Add(own);
        }

        var actual = new List<string>();
        foreach (var batch in items.Chunk(97))
            actual.AddRange(await registry.KeysForAsync(batch, Timeout));

        Assert.Equal(expected, actual);
        Assert.Contains(expected.GroupBy(k => k), g => g.Count() > 1);
    }

    [Fact]
    public async Task A_batch_costs_one_read_and_one_write_of_the_registry_whatever_its_size()
    {
        var items = Enumerable.Range(0, 500).Select(n => Item(n, $"Ferry {n} to Shikotan resumes, report {n * 7 + 1}")).ToArray();

        var keys = await registry.KeysForAsync(items, Timeout);

        Assert.Equal(items.Select(StoryRegistry.OwnKey), keys);
        Assert.Equal(new Dictionary<string, long> { [StorageTransactionCounter.BlobGet] = 1, [StorageTransactionCounter.BlobCreate] = 1 }, counter.Snapshot());

        counter.Reset();
        var again = await registry.KeysForAsync(items.Select(i => i with { Link = i.Link + "?other-site" }).ToArray(), Timeout);
        Assert.Equal(keys, again);
        Assert.Equal(new Dictionary<string, long> { [StorageTransactionCounter.BlobGet] = 1 }, counter.Snapshot());
    }

    [Fact]
    public async Task The_window_forgets_titles_older_than_48_hours_and_keeps_only_the_newest_titles_beyond_its_capacity()
    {
        var small = new StoryRegistry(new JsonBlobs(new FolderBlobStore(root.FullName)), time) { Capacity = 10 };
        var first = Item(1, "Kunashir airport runway to be extended for larger jets");
        var firstKey = await small.KeyForAsync(first, Timeout);
        Assert.Equal(firstKey, await small.KeyForAsync(Item(2, "Kunashir airport runway to be extended for larger jets - Kyodo"), Timeout));

        time.Advance(StoryRegistry.TitleWindow + TimeSpan.FromMinutes(1));
        var later = Item(3, "Kunashir airport runway to be extended for larger jets - TASS");
        Assert.Equal(StoryRegistry.OwnKey(later), await small.KeyForAsync(later, Timeout));

        // Ten more distinct titles push the oldest claim (item 3's) out of a window of ten.
        await small.KeysForAsync(Enumerable.Range(10, 10).Select(n => Item(n, $"Distinct headline number {n} about fishing quotas {n * 13}")).ToArray(), Timeout);
        var stored = (await new JsonBlobs(new FolderBlobStore(root.FullName)).GetAsync<StoryRegistry.RecentTitles>(StoryRegistry.RecentTitlesName, Timeout))!.Value;
        Assert.Equal(10, stored.Titles.Count);
        var fourth = Item(4, "Kunashir airport runway to be extended for larger jets - Reuters");
        Assert.Equal(StoryRegistry.OwnKey(fourth), await small.KeyForAsync(fourth, Timeout));
    }
}

using System.Security.Cryptography;
using System.Text;
using NewsMonitor.Deliveries;
using NewsMonitor.Feeds;
using NewsMonitor.Pipeline;
using NewsMonitor.Queues;
using NewsMonitor.Storage;
using NewsMonitor.Storage.Counting;

namespace NewsMonitor.Benchmarks.Pipeline;

/// <summary>
/// Storage transactions per poll cycle of F feeds of 20 items, counted by the wrapper around the real stores, doing
/// what the Functions app does: the timer's <see cref="PollCycle"/>, then the <c>PollFeed</c> and <c>DeliverAlert</c>
/// queue work until both queues are empty (received 16 at a time, as the queue trigger does). Four cycles: the first
/// poll of every feed, a cycle where no feed changed (each answers 304), one where each feed has one new item that
/// matches two topics (alerts delivered to a loopback receiver), and one where each has a new item matching nothing. The naive design runs over the same feeds in the same run: one message per feed, the feed
/// fetched without validators, and one blob per seen item read for every item on every poll.
/// </summary>
public static class CycleCostBenchmark
{
    public sealed record Cycle(string Name, IReadOnlyDictionary<string, long> Counts, int Feeds, int NewMatches)
    {
        public long Total => Counts.Values.Sum();
        public long Reads => Counts.Where(p => StorageTransactionCounter.IsRead(p.Key)).Sum(p => p.Value);
        public long Writes => Total - Reads;
    }

    public static async Task<IReadOnlyList<Cycle>> RunAsync(PipelineFeeds feeds, string? connectionString, string topicsFile, int feedCount)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var names = Enumerable.Range(0, feedCount).Select(i => $"cost-{run}-{i}").ToArray();
        // Items 1..20: 1 of 20 is a multiple of 3 ... 7 of 20 match; item 21 (new in cycle 3) is a multiple of 3.
        var urls = names.Select(n => feeds.Set(n, 1, 20)).ToArray();
        var settings = new Dictionary<string, string?>
        {
            // Every feed is due again at once (a real schedule would wait its interval; the work is the same).
            ["Monitor:FeedReading:PollInterval"] = "00:00:00.0000001",
        };
        await using var services = await PipelineServices.CreateAsync(connectionString, urls, topicsFile, settings, feeds.AlertsUrl);
        var cycles = new List<Cycle>();

        cycles.Add(await CycleAsync(services, "first poll (20 items per feed)", feedCount));
        cycles.Add(await CycleAsync(services, "no feed changed (304)", feedCount));
        for (var i = 0; i < names.Length; i++) feeds.Set(names[i], 1, 21);
        cycles.Add(await CycleAsync(services, "one new item per feed, matching two topics", feedCount));
        for (var i = 0; i < names.Length; i++) feeds.Set(names[i], 1, 22);
        cycles.Add(await CycleAsync(services, "one new item per feed, matching nothing", feedCount));

        // The naive design, on the same store and feeds.
        var naive = new NaivePoller(services.Get<Storage.JsonBlobs>().Store, services.Get<MonitorQueues>().FeedPolls, services.Get<FeedLoader>(), services.Get<NewItemsRecorder>());
        for (var i = 0; i < names.Length; i++) feeds.Set(names[i], 1, 20);
        await naive.CycleAsync(urls); // its own first poll, not reported (the same matches as above)
        var before = services.Counter.Snapshot();
        await naive.CycleAsync(urls);
        cycles.Add(new Cycle("naive: no feed changed", services.Counter.Since(before), feedCount, 0));
        return cycles;
    }

    private static async Task<Cycle> CycleAsync(PipelineServices services, string name, int feedCount)
    {
        var counter = services.Counter;
        var before = counter.Snapshot();
        var cycle = await services.Get<PollCycle>().RunAsync(CancellationToken.None);
        var queues = services.Get<MonitorQueues>();
        var poller = services.Get<FeedPoller>();
        var handler = services.Get<DeliveryHandler>();
        var matches = 0;
        while (true)
        {
            var polls = await queues.FeedPolls.ReceiveAsync(16, TimeSpan.FromMinutes(5), CancellationToken.None);
            foreach (var message in polls)
            {
                matches += (await poller.PollMessageAsync(message.Body, CancellationToken.None)).Matches;
                await queues.FeedPolls.DeleteAsync(message, CancellationToken.None);
            }
            var deliveries = await queues.Deliveries.ReceiveAsync(16, TimeSpan.FromMinutes(5), CancellationToken.None);
            await Parallel.ForEachAsync(deliveries, async (message, ct) =>
            {
                await handler.HandleAsync(message.Body, ct);
                await queues.Deliveries.DeleteAsync(message, ct);
            });
            if (polls.Count == 0 && deliveries.Count == 0) break;
        }
        if (cycle.FeedsEnqueued != feedCount) throw new InvalidOperationException($"{name}: {cycle.FeedsEnqueued} of {feedCount} feeds were due.");
        return new Cycle(name, counter.Since(before), feedCount, matches);
    }

    /// <summary>A poller as one might first write it: no validators, no seen-set in the feed's record, a blob per item.</summary>
    private sealed class NaivePoller(IBlobStore store, IMessageQueue queue, FeedLoader loader, NewItemsRecorder recorder)
    {
        public async Task CycleAsync(IReadOnlyList<string> urls)
        {
            foreach (var url in urls) await queue.SendAsync(url, null, CancellationToken.None);
            while ((await queue.ReceiveAsync(16, TimeSpan.FromMinutes(5), CancellationToken.None)) is { Count: > 0 } messages)
            {
                foreach (var message in messages)
                {
                    await PollAsync(message.Body);
                    await queue.DeleteAsync(message, CancellationToken.None);
                }
            }
        }

        private async Task PollAsync(string url)
        {
            var loaded = await loader.LoadAsync(url, null, CancellationToken.None);
            var fresh = new List<NewsItem>();
            foreach (var item in loaded.Feed?.Items ?? [])
            {
                var name = $"naive-seen/{Hash(url)}/{Hash(item.Id)}";
                if (await store.GetAsync(name, CancellationToken.None) is not null) continue;
                await store.TryCreateAsync(name, BinaryData.FromString("1"), CancellationToken.None);
                fresh.Add(item);
            }
            await recorder.RecordAsync(fresh, CancellationToken.None);
        }

        private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..24];
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsMonitor.Feeds;
using NewsMonitor.Storage;

namespace NewsMonitor.RecentItems;

/// <summary>
/// The items the pipeline has seen in the last <see cref="RecentItemsOptions.Days"/> days, for backtests:
/// one gzip-compressed JSON-lines blob per (UTC day, feed), <c>recent-items/{yyyy-MM-dd}/{feed hash}.jsonl.gz</c>.
/// Per feed because a feed is polled by one poller at a time (its lease), so appends rarely race; per day so that
/// pruning is deleting whole days and a backtest reads only the days it asks for.
/// </summary>
public sealed class RecentItemsStore(IBlobStore blobs, IOptions<RecentItemsOptions> options, TimeProvider time)
{
    public const string Prefix = "recent-items/";
    private const int MaxAppendAttempts = 20;

    private string? prunedThrough;

    public bool Enabled => options.Value.Days > 0;

    public static string DayName(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string BlobName(DateOnly day, string feed) =>
        $"{Prefix}{DayName(day)}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feed)))[..32]}.jsonl.gz";

    /// <summary>Keeps newly seen items of one feed under today's date; prunes expired days once a day per process.</summary>
    public async Task AppendAsync(string feed, IReadOnlyCollection<NewsItem> items, CancellationToken cancellationToken)
    {
        if (!Enabled || items.Count == 0) return;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var name = BlobName(today, feed);
        var lines = Encode(items.Select(i => new RecentItem(Trim(i), now)));
        for (var attempt = 0; attempt < MaxAppendAttempts; attempt++)
        {
            var existing = await blobs.GetAsync(name, cancellationToken).ConfigureAwait(false);
            var content = existing is null ? Compress(lines) : Compress([.. Decompress(existing.Content), .. lines]);
            var written = existing is null
                ? await blobs.TryCreateAsync(name, content, cancellationToken).ConfigureAwait(false)
                : await blobs.TryReplaceAsync(name, content, existing.ETag, cancellationToken).ConfigureAwait(false);
            if (written is not null) break;
        }
        await PruneAsync(today, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every item seen on or after <paramref name="since"/> (within the kept days), in the order seen per day.</summary>
    public async IAsyncEnumerable<RecentItem> ListAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = DateOnly.FromDateTime(since.UtcDateTime);
        var oldestKept = today.AddDays(1 - Math.Max(options.Value.Days, 1));
        if (first < oldestKept) first = oldestKept;
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            await foreach (var name in blobs.ListAsync($"{Prefix}{DayName(day)}/", cancellationToken).ConfigureAwait(false))
            {
                if (await blobs.GetAsync(name, cancellationToken).ConfigureAwait(false) is not { } blob) continue;
                foreach (var item in Decode(blob.Content))
                {
                    if (item.SeenAt >= since) yield return item;
                }
            }
        }
    }

    /// <summary>Deletes the blobs of days that fell out of the window. Runs at most once per UTC day per process.</summary>
    public async Task PruneAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var oldestKept = DayName(today.AddDays(1 - options.Value.Days));
        if (prunedThrough == oldestKept) return;
        var expired = new List<string>();
        await foreach (var name in blobs.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            // Names sort by day: "recent-items/2026-12-01/..." < "recent-items/2026-12-05".
            if (string.CompareOrdinal(name, Prefix.Length, oldestKept, 0, oldestKept.Length) < 0) expired.Add(name);
        }
        foreach (var name in expired) await blobs.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
        prunedThrough = oldestKept;
    }

    private NewsItem Trim(NewsItem item) =>
        item.Summary is { } summary && summary.Length > options.Value.MaxSummaryChars
            ? item with { Summary = summary[..options.Value.MaxSummaryChars] }
            : item;

    private static List<byte[]> Encode(IEnumerable<RecentItem> items) =>
        items.Select(i => JsonSerializer.SerializeToUtf8Bytes(i, JsonBlobs.SerializerOptions)).ToList();

    private static BinaryData Compress(IEnumerable<byte[]> lines)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            foreach (var line in lines)
            {
                gzip.Write(line);
                gzip.WriteByte((byte)'\n');
            }
        }
        return new BinaryData(buffer.ToArray(), "application/gzip");
    }

    private static List<byte[]> Decompress(BinaryData content)
    {
        using var gzip = new GZipStream(content.ToStream(), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        var bytes = plain.ToArray();
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n') continue;
            if (i > start) lines.Add(bytes[start..i]);
            start = i + 1;
        }
        if (start < bytes.Length) lines.Add(bytes[start..]);
        return lines;
    }

    private static IEnumerable<RecentItem> Decode(BinaryData content)
    {
        List<byte[]> lines;
        try
        {
            lines = Decompress(content);
        }
        catch (InvalidDataException)
        {
            yield break; // a damaged blob costs its own items only, never the backtest
        }
        foreach (var line in lines)
        {
            RecentItem? item;
            try
            {
                item = JsonSerializer.Deserialize<RecentItem>(line, JsonBlobs.SerializerOptions);
            }
            catch (JsonException)
            {
                continue;
            }
            if (item?.Item is not null) yield return item;
        }
    }
}

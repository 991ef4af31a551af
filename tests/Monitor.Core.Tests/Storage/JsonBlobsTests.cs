using System.Text.Json;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Storage;

public sealed class JsonBlobsTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("newsmonitor-json-");
    private readonly JsonBlobs blobs;

    public JsonBlobsTests() => blobs = new JsonBlobs(new FolderBlobStore(root.FullName));

    public void Dispose() => root.Delete(recursive: true);

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public enum Status { Pending, Verified }

    public sealed record Counter(int Count, string? Note = null, Status Status = Status.Pending);

    [Fact]
    public async Task Documents_are_stored_camelCase_without_nulls_and_with_enum_names()
    {
        await blobs.PutAsync("c.json", new Counter(3, Status: Status.Verified), Timeout);

        var stored = (await blobs.Store.GetAsync("c.json", Timeout))!.Content.ToString();
        Assert.Equal("""{"count":3,"status":"verified"}""", stored);
        Assert.Equal(new Counter(3, Status: Status.Verified), (await blobs.GetAsync<Counter>("c.json", Timeout))!.Value);
    }

    [Fact]
    public async Task Typed_create_and_replace_follow_the_store_conditions()
    {
        var etag = await blobs.TryCreateAsync("c.json", new Counter(1), Timeout);
        Assert.Null(await blobs.TryCreateAsync("c.json", new Counter(2), Timeout));

        var replaced = await blobs.TryReplaceAsync("c.json", new Counter(5), etag!, Timeout);
        Assert.Null(await blobs.TryReplaceAsync("c.json", new Counter(6), etag!, Timeout));

        var current = await blobs.GetAsync<Counter>("c.json", Timeout);
        Assert.Equal(new JsonBlob<Counter>("c.json", new Counter(5), replaced!), current);
    }

    [Fact]
    public async Task Get_of_an_absent_document_is_null_and_json_null_is_an_error()
    {
        Assert.Null(await blobs.GetAsync<Counter>("missing.json", Timeout));

        await blobs.Store.PutAsync("null.json", BinaryData.FromString("null"), Timeout);
        await Assert.ThrowsAsync<InvalidDataException>(() => blobs.GetAsync<Counter>("null.json", Timeout));
        await blobs.Store.PutAsync("broken.json", BinaryData.FromString("{"), Timeout);
        await Assert.ThrowsAnyAsync<JsonException>(() => blobs.GetAsync<Counter>("broken.json", Timeout));
    }

    [Fact]
    public async Task List_reads_every_document_under_a_prefix_in_name_order()
    {
        await blobs.PutAsync("counters/b", new Counter(2), Timeout);
        await blobs.PutAsync("counters/a", new Counter(1), Timeout);
        await blobs.PutAsync("other", new Counter(9), Timeout);

        var listed = new List<JsonBlob<Counter>>();
        await foreach (var blob in blobs.ListAsync<Counter>("counters/", Timeout))
        {
            listed.Add(blob);
        }

        Assert.Equal([("counters/a", 1), ("counters/b", 2)], listed.Select(b => (b.Name, b.Value.Count)));
    }

    [Fact]
    public async Task Update_creates_an_absent_document_from_null()
    {
        var result = await blobs.UpdateAsync<Counter>("c.json", current => new Counter((current?.Count ?? 0) + 1), Timeout);

        Assert.Equal(new Counter(1), result.Value);
        Assert.Equal(result.ETag, (await blobs.Store.GetAsync("c.json", Timeout))!.ETag);
    }

    [Fact]
    public async Task Update_that_returns_its_argument_writes_nothing()
    {
        var etag = await blobs.TryCreateAsync("c.json", new Counter(7), Timeout);

        var result = await blobs.UpdateAsync<Counter>("c.json", current => current!, Timeout);

        Assert.Equal(etag, result.ETag);
        Assert.Equal(etag, (await blobs.Store.GetAsync("c.json", Timeout))!.ETag);
    }

    [Fact]
    public async Task Concurrent_updates_lose_no_increment()
    {
        const int writers = 24;
        var calls = 0;

        await Race.RunAsync(writers, _ =>
            blobs.UpdateAsync<Counter>("counter.json", current =>
            {
                Interlocked.Increment(ref calls);
                return new Counter((current?.Count ?? 0) + 1);
            }, Timeout));

        Assert.Equal(writers, (await blobs.GetAsync<Counter>("counter.json", Timeout))!.Value.Count);
        // Every writer applied its change at least once; losers re-read and applied it again.
        Assert.True(calls >= writers, $"update ran {calls} times for {writers} writers");
    }

    [Fact]
    public async Task Update_gives_up_when_it_always_loses_the_race()
    {
        var store = new FolderBlobStore(root.FullName);
        var contended = new JsonBlobs(store);

        // Another writer changes the blob between every read and write of this update.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            contended.UpdateAsync<Counter>("c.json", current =>
            {
                store.PutAsync("c.json", JsonBlobs.Serialize(new Counter(-1)), Timeout).GetAwaiter().GetResult();
                return new Counter((current?.Count ?? 0) + 1);
            }, Timeout));

        Assert.Contains("c.json", error.Message);
    }
}

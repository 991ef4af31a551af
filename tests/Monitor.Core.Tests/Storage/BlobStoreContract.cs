using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IBlobStore"/> must share. Each backend's test class derives from this one,
/// so the folder store and the Azure store are held to exactly the same assertions.
/// </summary>
public abstract class BlobStoreContract
{
    private const int Racers = 16;

    /// <summary>A store with no blobs in it, fresh for each test.</summary>
    protected abstract IBlobStore CreateStore();

    protected static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    protected static BinaryData Text(string text) => BinaryData.FromString(text);

    [Fact]
    public async Task Get_of_an_absent_blob_is_null()
    {
        var store = CreateStore();
        Assert.Null(await store.GetAsync("missing/blob.json", Timeout));
    }

    [Fact]
    public async Task TryCreate_stores_the_content_under_the_returned_etag()
    {
        var store = CreateStore();
        var etag = await store.TryCreateAsync("matches/habomai/1.json", Text("{\"a\":1}\n"), Timeout);

        var blob = await store.GetAsync("matches/habomai/1.json", Timeout);
        Assert.NotNull(etag);
        Assert.NotNull(blob);
        Assert.Equal("{\"a\":1}\n", blob.Content.ToString());
        Assert.Equal(etag, blob.ETag);
    }

    [Fact]
    public async Task TryCreate_of_an_existing_blob_returns_null_and_keeps_the_first_content()
    {
        var store = CreateStore();
        await store.TryCreateAsync("a", Text("first"), Timeout);

        Assert.Null(await store.TryCreateAsync("a", Text("second"), Timeout));
        Assert.Equal("first", (await store.GetAsync("a", Timeout))!.Content.ToString());
    }

    [Fact]
    public async Task TryReplace_with_the_current_etag_replaces_and_issues_a_new_etag()
    {
        var store = CreateStore();
        var first = await store.TryCreateAsync("a", Text("first"), Timeout);

        var second = await store.TryReplaceAsync("a", Text("second"), first!, Timeout);

        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        var blob = await store.GetAsync("a", Timeout);
        Assert.Equal("second", blob!.Content.ToString());
        Assert.Equal(second, blob.ETag);
    }

    [Fact]
    public async Task TryReplace_with_a_stale_etag_returns_null_even_when_the_content_is_back_to_what_it_was()
    {
        var store = CreateStore();
        var stale = await store.TryCreateAsync("a", Text("same"), Timeout);
        var current = await store.TryReplaceAsync("a", Text("same"), stale!, Timeout);

        Assert.Null(await store.TryReplaceAsync("a", Text("lost update"), stale!, Timeout));
        var blob = await store.GetAsync("a", Timeout);
        Assert.Equal("same", blob!.Content.ToString());
        Assert.Equal(current, blob.ETag);
    }

    [Fact]
    public async Task TryReplace_of_an_absent_blob_returns_null_and_creates_nothing()
    {
        var store = CreateStore();
        var etag = await store.TryCreateAsync("other", Text("x"), Timeout);

        Assert.Null(await store.TryReplaceAsync("a", Text("x"), etag!, Timeout));
        Assert.Null(await store.GetAsync("a", Timeout));
    }

    [Fact]
    public async Task Put_creates_then_overwrites_with_a_new_etag_each_time()
    {
        var store = CreateStore();
        var first = await store.PutAsync("feeds/state.json", Text("1"), Timeout);
        var second = await store.PutAsync("feeds/state.json", Text("1"), Timeout);

        Assert.NotEqual(first, second);
        var blob = await store.GetAsync("feeds/state.json", Timeout);
        Assert.Equal("1", blob!.Content.ToString());
        Assert.Equal(second, blob.ETag);
    }

    [Fact]
    public async Task Delete_reports_whether_the_blob_existed_and_a_deleted_name_can_be_created_again()
    {
        var store = CreateStore();
        var old = await store.TryCreateAsync("a/b", Text("old"), Timeout);

        Assert.True(await store.DeleteAsync("a/b", Timeout));
        Assert.False(await store.DeleteAsync("a/b", Timeout));
        Assert.Null(await store.GetAsync("a/b", Timeout));
        Assert.NotNull(await store.TryCreateAsync("a/b", Text("new"), Timeout));
        Assert.Null(await store.TryReplaceAsync("a/b", Text("from the old etag"), old!, Timeout));
        Assert.Equal("new", (await store.GetAsync("a/b", Timeout))!.Content.ToString());
    }

    [Fact]
    public async Task Empty_and_binary_content_round_trip_byte_for_byte()
    {
        var store = CreateStore();
        byte[] binary = [(byte)'\n', 0, 255, (byte)'\r', (byte)'\n', 10];
        await store.PutAsync("empty", BinaryData.FromBytes([]), Timeout);
        await store.PutAsync("binary", BinaryData.FromBytes(binary), Timeout);

        Assert.Empty((await store.GetAsync("empty", Timeout))!.Content.ToArray());
        Assert.Equal(binary, (await store.GetAsync("binary", Timeout))!.Content.ToArray());
    }

    [Fact]
    public async Task List_returns_the_names_under_a_prefix_in_ordinal_order()
    {
        var store = CreateStore();
        foreach (var name in new[] { "b", "a/2", "a/10", "a/1", "ab", "A", "a/1/x" })
        {
            await store.PutAsync(name, Text(name), Timeout);
        }

        Assert.Equal(["A", "a/1", "a/1/x", "a/10", "a/2", "ab", "b"], await ListAsync(store, ""));
        Assert.Equal(["a/1", "a/1/x", "a/10", "a/2", "ab"], await ListAsync(store, "a"));
        Assert.Equal(["a/1", "a/1/x", "a/10", "a/2"], await ListAsync(store, "a/"));
        Assert.Equal(["a/1", "a/1/x", "a/10"], await ListAsync(store, "a/1"));
        Assert.Equal(["a/1/x"], await ListAsync(store, "a/1/"));
        Assert.Empty(await ListAsync(store, "zz"));
        Assert.Empty(await ListAsync(store, "zz/y/"));
    }

    [Fact]
    public async Task A_blob_and_a_folder_of_the_same_name_live_side_by_side()
    {
        var store = CreateStore();
        await store.PutAsync("x", Text("blob"), Timeout);
        await store.PutAsync("x/y", Text("inside"), Timeout);

        Assert.Equal("blob", (await store.GetAsync("x", Timeout))!.Content.ToString());
        Assert.Equal("inside", (await store.GetAsync("x/y", Timeout))!.Content.ToString());
        Assert.Equal(["x", "x/y"], await ListAsync(store, "x"));
    }

    [Theory]
    [InlineData("北方領土/Шикотан ä.json")]
    [InlineData("odd/%41 %25 :*?\"<>|.json")]
    [InlineData("a.blob/b.d")]
    [InlineData("spaces and+plus/=&#")]
    [InlineData("dots/...x/trailing.")]
    public async Task Names_with_unusual_characters_round_trip_and_list(string name)
    {
        var store = CreateStore();
        await store.PutAsync(name, Text(name), Timeout);

        Assert.Equal(name, (await store.GetAsync(name, Timeout))!.Content.ToString());
        Assert.Equal([name], await ListAsync(store, ""));
        Assert.Equal([name], await ListAsync(store, name[..(name.IndexOf('/') + 1)]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/a")]
    [InlineData("a/")]
    [InlineData("a//b")]
    [InlineData("a/../b")]
    [InlineData("..")]
    [InlineData("./a")]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    public async Task Invalid_names_are_rejected_by_every_operation(string name)
    {
        var store = CreateStore();
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetAsync(name, Timeout));
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryCreateAsync(name, Text("x"), Timeout));
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryReplaceAsync(name, Text("x"), "\"etag\"", Timeout));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(name, Text("x"), Timeout));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(name, Timeout));
    }

    [Theory]
    [InlineData("a//")]
    [InlineData("../")]
    [InlineData("a\\")]
    public async Task Invalid_prefixes_are_rejected(string prefix)
    {
        var store = CreateStore();
        await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(store, prefix));
    }

    [Fact]
    public async Task Of_many_concurrent_creates_of_one_name_exactly_one_wins()
    {
        var store = CreateStore();
        var results = await Race.RunAsync(Racers, i => store.TryCreateAsync("race/create", Text($"racer {i}"), Timeout));

        var winners = results.Select((etag, racer) => (etag, racer)).Where(r => r.etag is not null).ToList();
        var winner = Assert.Single(winners);
        var blob = await store.GetAsync("race/create", Timeout);
        Assert.Equal($"racer {winner.racer}", blob!.Content.ToString());
        Assert.Equal(winner.etag, blob.ETag);
    }

    [Fact]
    public async Task Of_many_concurrent_replaces_from_one_etag_exactly_one_wins()
    {
        var store = CreateStore();
        var etag = await store.TryCreateAsync("race/replace", Text("start"), Timeout);

        var results = await Race.RunAsync(Racers, i => store.TryReplaceAsync("race/replace", Text($"racer {i}"), etag!, Timeout));

        var winners = results.Select((newEtag, racer) => (newEtag, racer)).Where(r => r.newEtag is not null).ToList();
        var winner = Assert.Single(winners);
        var blob = await store.GetAsync("race/replace", Timeout);
        Assert.Equal($"racer {winner.racer}", blob!.Content.ToString());
        Assert.Equal(winner.newEtag, blob.ETag);
    }

    protected static async Task<List<string>> ListAsync(IBlobStore store, string prefix)
    {
        var names = new List<string>();
        await foreach (var name in store.ListAsync(prefix, Timeout))
        {
            names.Add(name);
        }

        return names;
    }
}

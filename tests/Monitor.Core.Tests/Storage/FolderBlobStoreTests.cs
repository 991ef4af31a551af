using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Storage;

/// <summary>The blob store contract against a folder, plus what only a folder can get wrong.</summary>
public sealed class FolderBlobStoreTests : BlobStoreContract, IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("newsmonitor-blobs-");

    public void Dispose() => root.Delete(recursive: true);

    protected override IBlobStore CreateStore() => new FolderBlobStore(root.FullName);

    // Separate instances share no in-process gate, so these races are decided by the OS file locks alone,
    // exactly as between two processes using the same --data folder.
    [Fact]
    public async Task Separate_instances_on_one_folder_let_exactly_one_create_win()
    {
        var results = await Race.RunAsync(16, i => new FolderBlobStore(root.FullName).TryCreateAsync("race", Text($"racer {i}"), Timeout));

        var winner = Assert.Single(results, etag => etag is not null);
        Assert.Equal(winner, (await CreateStore().GetAsync("race", Timeout))!.ETag);
    }

    [Fact]
    public async Task Separate_instances_on_one_folder_let_exactly_one_replace_win()
    {
        var etag = await CreateStore().TryCreateAsync("race", Text("start"), Timeout);

        var results = await Race.RunAsync(16, i => new FolderBlobStore(root.FullName).TryReplaceAsync("race", Text($"racer {i}"), etag!, Timeout));

        var winner = Assert.Single(results, newEtag => newEtag is not null);
        Assert.Equal(winner, (await CreateStore().GetAsync("race", Timeout))!.ETag);
    }

    [Fact]
    public async Task Blobs_written_by_one_instance_are_read_by_another()
    {
        var etag = await CreateStore().TryCreateAsync("state/feeds.json", Text("{}"), Timeout);

        var blob = await new FolderBlobStore(root.FullName).GetAsync("state/feeds.json", Timeout);
        Assert.Equal(etag, blob!.ETag);
        Assert.Equal("{}", blob.Content.ToString());
    }

    [Fact]
    public async Task Leftover_temporary_files_and_foreign_files_are_not_listed()
    {
        var store = CreateStore();
        await store.PutAsync("a/b", Text("x"), Timeout);
        var folder = Path.Combine(root.FullName, "a.d");
        await File.WriteAllTextAsync(Path.Combine(folder, "b.blob.0123.tmp"), "torn", Timeout);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "mine", Timeout);

        Assert.Equal(["a/b"], await ListAsync(store, ""));
    }
}

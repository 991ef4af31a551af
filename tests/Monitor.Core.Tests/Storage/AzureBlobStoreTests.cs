using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Storage;

/// <summary>The blob store contract against Azure Blob Storage (Azurite, or MONITOR_TEST_STORAGE).</summary>
public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : BlobStoreContract, IClassFixture<AzuriteFixture>
{
    protected override IBlobStore CreateStore() => new AzureBlobStore(azurite.NewBlobContainer());

    [Fact]
    public async Task The_container_is_created_on_first_use()
    {
        var container = azurite.NewBlobContainer();
        var store = new AzureBlobStore(container);
        Assert.False((await container.ExistsAsync(Timeout)).Value);

        Assert.Empty(await ListAsync(store, ""));
        Assert.True((await container.ExistsAsync(Timeout)).Value);
    }
}

using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsMonitor.Queues;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Storage;

public sealed class StorageAccountTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("newsmonitor-data-");

    public void Dispose() => data.Delete(recursive: true);

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task Folder_mode_keeps_blobs_and_queues_under_the_data_directory()
    {
        var account = StorageAccount.Create(new StorageOptions { DataDirectory = data.FullName }, TimeProvider.System);

        await account.Blobs.PutAsync("matches/a.json", BinaryData.FromString("{}"), Timeout);
        await account.GetQueue(QueueNames.AlertDeliveries).SendAsync("delivery", null, Timeout);

        Assert.Equal(StorageMode.Folder, account.Mode);
        Assert.Contains(data.FullName, account.Description);
        Assert.True(File.Exists(Path.Combine(data.FullName, "blobs", "newsmonitor", "matches.d", "a.json.blob")));
        Assert.Single(Directory.GetFiles(Path.Combine(data.FullName, "queues", QueueNames.AlertDeliveries), "*.msg"));
        Assert.Same(account.GetQueue(QueueNames.AlertDeliveries), account.GetQueue(QueueNames.AlertDeliveries));
    }

    [Fact]
    public async Task Connection_string_mode_stores_in_the_named_container_and_sends_Base64_messages()
    {
        var container = AzuriteFixture.UniqueName("account");
        var account = StorageAccount.Create(
            new StorageOptions { ConnectionString = azurite.ConnectionString, ContainerName = container }, TimeProvider.System);
        var queueName = AzuriteFixture.UniqueName("queue");

        await account.Blobs.PutAsync("a", BinaryData.FromString("in azurite"), Timeout);
        await account.GetQueue(queueName).SendAsync("hello", null, Timeout);

        Assert.Equal(StorageMode.ConnectionString, account.Mode);
        Assert.DoesNotContain("AccountKey", account.Description);
        var direct = new AzureBlobStore(new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, container));
        Assert.Equal("in azurite", (await direct.GetAsync("a", Timeout))!.Content.ToString());
        var raw = new QueueClient(azurite.ConnectionString, queueName);
        var peeked = Assert.Single((await raw.PeekMessagesAsync(1, Timeout)).Value);
        Assert.Equal(Convert.ToBase64String("hello"u8), peeked.Body.ToString());
    }

    [Fact]
    public void Identity_mode_addresses_the_service_uris_without_contacting_them()
    {
        var account = StorageAccount.Create(
            new StorageOptions
            {
                BlobServiceUri = new Uri("https://monitorstore.blob.core.windows.net"),
                QueueServiceUri = new Uri("https://monitorstore.queue.core.windows.net"),
                ClientId = "00000000-0000-0000-0000-000000000001",
            },
            TimeProvider.System);

        Assert.Equal(StorageMode.Identity, account.Mode);
        var blobs = Assert.IsType<AzureBlobStore>(account.Blobs);
        Assert.Equal(new Uri("https://monitorstore.blob.core.windows.net/newsmonitor"), blobs.Container.Uri);
        var queue = Assert.IsType<AzureMessageQueue>(account.GetQueue(QueueNames.FeedPolls));
        Assert.Equal(new Uri("https://monitorstore.queue.core.windows.net/feed-polls"), queue.Client.Uri);
    }

    public static TheoryData<string, StorageOptions> InvalidOptions => new()
    {
        { "only one", new StorageOptions { DataDirectory = "x", ConnectionString = "UseDevelopmentStorage=true" } },
        { "only one", new StorageOptions { DataDirectory = "x", BlobServiceUri = new Uri("https://a.blob.core.windows.net") } },
        { "QueueServiceUri", new StorageOptions { BlobServiceUri = new Uri("https://a.blob.core.windows.net") } },
        { "BlobServiceUri", new StorageOptions { BlobServiceUri = new Uri("/relative", UriKind.Relative), QueueServiceUri = new Uri("https://a.queue.core.windows.net") } },
        { "ContainerName", new StorageOptions { ContainerName = "News_Monitor" } },
        { "ContainerName", new StorageOptions { ContainerName = "a--b" } },
        { "ContainerName", new StorageOptions { ContainerName = "ab" } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_refused_with_a_reason(string reason, StorageOptions options)
    {
        var error = Assert.Throws<OptionsValidationException>(() => StorageAccount.Create(options, TimeProvider.System));
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("Alert-Deliveries")]
    [InlineData("-q")]
    [InlineData("q")]
    [InlineData("../q")]
    public void Invalid_queue_names_are_refused(string name)
    {
        var account = StorageAccount.Create(new StorageOptions { DataDirectory = data.FullName }, TimeProvider.System);
        Assert.Throws<ArgumentException>(() => account.GetQueue(name));
    }

    [Fact]
    public void The_DI_extension_registers_the_store_the_json_helpers_and_every_named_queue()
    {
        using var services = Provider(new() { ["Monitor:Storage:DataDirectory"] = data.FullName });

        var account = services.GetRequiredService<StorageAccount>();
        Assert.IsType<FolderBlobStore>(services.GetRequiredService<IBlobStore>());
        Assert.Same(account.Blobs, services.GetRequiredService<JsonBlobs>().Store);
        foreach (var name in QueueNames.All)
        {
            Assert.Same(account.GetQueue(name), services.GetRequiredKeyedService<IMessageQueue>(name));
        }
    }

    [Fact]
    public void Without_storage_settings_the_AzureWebJobsStorage_identity_settings_are_used()
    {
        using var services = Provider(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://fn.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://fn.queue.core.windows.net",
            ["AzureWebJobsStorage:clientId"] = "client-1",
        });

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Equal(StorageMode.Identity, options.ResolveMode());
        Assert.Equal("client-1", options.ClientId);
        Assert.Equal(new Uri("https://fn.queue.core.windows.net"), options.QueueServiceUri);
    }

    [Fact]
    public void An_AzureWebJobsStorage_connection_string_is_used_but_explicit_settings_win()
    {
        using var fallback = Provider(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });
        using var explicitFolder = Provider(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Monitor:Storage:DataDirectory"] = data.FullName,
        });
        using var configured = Provider(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }, o => o.DataDirectory = data.FullName);

        Assert.Equal(StorageMode.ConnectionString, fallback.GetRequiredService<StorageAccount>().Mode);
        Assert.Equal(StorageMode.Folder, explicitFolder.GetRequiredService<StorageAccount>().Mode);
        Assert.Equal(StorageMode.Folder, configured.GetRequiredService<StorageAccount>().Mode);
    }

    [Fact]
    public void Invalid_configuration_fails_when_the_options_are_first_read()
    {
        using var services = Provider(new() { ["Monitor:Storage:ContainerName"] = "Not Valid" });
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings, Action<StorageOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddMonitorStorage(configuration, configure).BuildServiceProvider();
    }
}

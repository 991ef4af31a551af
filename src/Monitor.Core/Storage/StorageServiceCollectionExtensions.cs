using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsMonitor.Queues;

namespace NewsMonitor.Storage;

public static class StorageServiceCollectionExtensions
{
    private const string AzureWebJobsStorage = "AzureWebJobsStorage";

    /// <summary>
    /// Registers <see cref="StorageOptions"/> (bound from <c>Monitor:Storage</c>, then <paramref name="configure"/>,
    /// then the <c>AzureWebJobsStorage</c> fallback; validated at start), <see cref="StorageAccount"/>,
    /// <see cref="IBlobStore"/>, <see cref="JsonBlobs"/>, and each queue of <see cref="QueueNames"/> as a keyed
    /// <see cref="IMessageQueue"/> (<c>[FromKeyedServices(QueueNames.AlertDeliveries)] IMessageQueue queue</c>).
    /// </summary>
    public static IServiceCollection AddMonitorStorage(
        this IServiceCollection services, IConfiguration configuration, Action<StorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure(o => UseAzureWebJobsStorageWhenNoneChosen(o, configuration)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => StorageAccount.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageAccount>().Blobs);
        services.TryAddSingleton(sp => new JsonBlobs(sp.GetRequiredService<IBlobStore>()));
        foreach (var name in QueueNames.All)
        {
            services.TryAddKeyedSingleton<IMessageQueue>(name, (sp, _) => sp.GetRequiredService<StorageAccount>().GetQueue(name));
        }

        return services;
    }

    // The Functions host's own storage setting names the same account; reuse it unless told otherwise.
    private static void UseAzureWebJobsStorageWhenNoneChosen(StorageOptions options, IConfiguration configuration)
    {
        if (!options.NoModeChosen)
        {
            return;
        }

        var section = configuration.GetSection(AzureWebJobsStorage);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            options.ConnectionString = section.Value;
            return;
        }

        var account = section["accountName"];
        options.BlobServiceUri = ServiceUri(section["blobServiceUri"], account, "blob");
        options.QueueServiceUri = ServiceUri(section["queueServiceUri"], account, "queue");
        options.ClientId ??= section["clientId"];
    }

    private static Uri? ServiceUri(string? configured, string? accountName, string service) =>
        !string.IsNullOrWhiteSpace(configured) ? new Uri(configured)
        : !string.IsNullOrWhiteSpace(accountName) ? new Uri($"https://{accountName}.{service}.core.windows.net")
        : null;
}

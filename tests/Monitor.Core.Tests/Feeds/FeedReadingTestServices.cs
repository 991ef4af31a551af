using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

/// <summary>The production registration (<see cref="FeedReadingServiceCollectionExtensions.AddFeedReading"/>) with test-sized limits.</summary>
internal static class FeedReadingTestServices
{
    public static ServiceProvider Create(Action<FeedReadingOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var services = new ServiceCollection();
        if (timeProvider is not null) services.AddSingleton(timeProvider);
        services.AddFeedReading(options =>
        {
            options.AllowPrivateNetworks = true; // the feed server is on 127.0.0.1
            options.ConnectTimeout = TimeSpan.FromSeconds(2);
            options.ReadTimeout = TimeSpan.FromSeconds(5);
            options.TotalTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}

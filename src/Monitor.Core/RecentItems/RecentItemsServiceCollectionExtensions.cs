using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsMonitor.Backtest;

namespace NewsMonitor.RecentItems;

public static class RecentItemsServiceCollectionExtensions
{
    /// <summary>The recent-items store (options from <c>Monitor:RecentItems</c>, validated at start) and the backtester that reads it.</summary>
    public static IServiceCollection AddRecentItems(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecentItemsOptions>().Bind(configuration.GetSection(RecentItemsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RecentItemsOptions>, RecentItemsOptionsValidator>());
        services.TryAddSingleton<RecentItemsStore>();
        services.TryAddSingleton<Backtester>();
        return services;
    }
}

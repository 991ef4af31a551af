using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsMonitor.Channels.Digests;
using NewsMonitor.Channels.Email;

namespace NewsMonitor.Channels;

public static class ChannelServiceCollectionExtensions
{
    /// <summary>Chat and e-mail channels, their verification and links, digests and rate limits; SMTP settings from <c>Monitor:Email</c>.</summary>
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.AddOptions<ChannelOptions>().Bind(configuration.GetSection(ChannelOptions.SectionName))
            .Validate(o => Hosting.Schedules.IsValid(o.DigestSchedule), $"{ChannelOptions.SectionName}:DigestSchedule must be a six-field NCRONTAB schedule such as \"0 * * * * *\".")
            .ValidateOnStart();
        services.TryAddSingleton<ChatSender>();
        services.TryAddSingleton<EmailSender>();
        services.TryAddSingleton<LinkTokens>();
        services.TryAddSingleton<ChannelLinks>();
        services.TryAddSingleton<ChannelSender>();
        services.TryAddSingleton<ChannelSubscriptions>();
        services.TryAddSingleton<DigestStore>();
        services.TryAddSingleton<SendRateStore>();
        services.TryAddSingleton<AlertHold>();
        services.TryAddSingleton<DigestScheduler>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.Webhooks;

public class WebhookRegistrationTests
{
    [Fact]
    public void Registers_every_building_block_with_the_clock_from_DI()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddWebhooks();
        using var provider = services.BuildServiceProvider(validateScopes: true);

        Assert.NotNull(provider.GetRequiredService<WebhookSender>());
        Assert.NotNull(provider.GetRequiredService<IntentVerifier>());
        Assert.NotNull(provider.GetRequiredService<WebhookUrlValidator>());
        Assert.Equal(RetrySchedule.ParseDelays(WebhookOptions.DefaultRetryDelays).Count, provider.GetRequiredService<RetrySchedule>().MaxAttempts);
        var headers = provider.GetRequiredService<WebhookSigner>().Sign("alert_1", "{}"u8, [WebhookSecret.Generate()]);
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds(), headers.Timestamp);
    }

    [Fact]
    public void Safe_defaults_https_required_private_networks_refused_15_second_timeout()
    {
        var options = new WebhookOptions();

        Assert.True(options.RequireHttps);
        Assert.False(options.AllowPrivateNetworks);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
    }

    [Fact]
    public void Binds_a_short_schedule_from_one_configuration_value()
    {
        using var provider = BoundTo(new()
        {
            ["Monitor:Webhooks:RetryDelays"] = "0,1s,2s",
            ["Monitor:Webhooks:RequireHttps"] = "false",
        });

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], provider.GetRequiredService<RetrySchedule>().Delays);
        Assert.False(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.RequireHttps);
    }

    [Theory]
    [InlineData("RetryDelays", "0,soon")]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("Timeout", "01:00:00")]
    [InlineData("MaxRetryAfter", "-00:00:01")]
    public void Invalid_settings_fail_validation_naming_the_setting(string setting, string value)
    {
        using var provider = BoundTo(new() { [$"Monitor:Webhooks:{setting}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WebhookOptions>>().Value);
        Assert.Contains($"Monitor:Webhooks:{setting}", error.Message);
    }

    /// <summary>The services as a host registers them, bound to the configuration section <c>Monitor:Webhooks</c>.</summary>
    private static ServiceProvider BoundTo(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddWebhooks().BindConfiguration(WebhookOptions.SectionName);
        return services.BuildServiceProvider();
    }
}

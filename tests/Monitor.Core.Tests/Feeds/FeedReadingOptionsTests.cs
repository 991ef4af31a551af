using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class FeedReadingOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_name_the_service()
    {
        var options = FeedReadingTestServices.Create().GetRequiredService<IOptions<FeedReadingOptions>>().Value;

        Assert.Equal(10 * 1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(5, options.MaxRedirects);
        Assert.StartsWith("NewsMonitor/1.0", options.UserAgent);
    }

    [Fact]
    public void Invalid_settings_are_rejected_with_every_reason()
    {
        using var services = FeedReadingTestServices.Create(o =>
        {
            o.MaxBodyBytes = 0;
            o.ReadTimeout = TimeSpan.Zero;
            o.MaxConcurrentPerHost = 0;
            o.UserAgent = "bad\nagent";
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<FeedReadingOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains(nameof(FeedReadingOptions.MaxBodyBytes)));
        Assert.Contains(error.Failures, f => f.Contains(nameof(FeedReadingOptions.ReadTimeout)));
        Assert.Contains(error.Failures, f => f.Contains(nameof(FeedReadingOptions.MaxConcurrentPerHost)));
        Assert.Contains(error.Failures, f => f.Contains(nameof(FeedReadingOptions.UserAgent)));
    }

    [Fact]
    public void Validation_runs_when_a_host_starts()
    {
        var services = new ServiceCollection().AddFeedReading(o => o.TotalTimeout = TimeSpan.FromDays(2));
        using var provider = services.BuildServiceProvider();

        var validator = provider.GetRequiredService<IStartupValidator>();

        Assert.Throws<OptionsValidationException>(validator.Validate);
    }
}

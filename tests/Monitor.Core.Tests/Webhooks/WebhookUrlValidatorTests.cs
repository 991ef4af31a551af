using Microsoft.Extensions.Options;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.Webhooks;

public class WebhookUrlValidatorTests
{
    [Theory]
    [InlineData(null, "The URL is required.")]
    [InlineData("  ", "The URL is required.")]
    [InlineData("hooks/news", "not a valid absolute URL")]
    [InlineData("ftp://hooks.example/in", "must use https, not 'ftp'")]
    [InlineData("http://hooks.example/in", "The URL must use https.")]
    [InlineData("https://user:pw@hooks.example/in", "must not contain a user name or password")]
    [InlineData("https://127.0.0.1/in", "loopback, private, link-local or metadata address (127.0.0.1)")]
    [InlineData("https://10.1.2.3/in", "(10.1.2.3)")]
    [InlineData("https://192.168.1.10:8443/in", "(192.168.1.10)")]
    [InlineData("https://169.254.169.254/latest/meta-data", "(169.254.169.254)")]
    [InlineData("https://[::1]/in", "(::1)")]
    [InlineData("https://[fd00::1]/in", "(fd00::1)")]
    [InlineData("https://localhost/in", "'localhost' resolves to a loopback")]
    public async Task Refuses_with_a_reason(string? url, string reason)
    {
        var check = await Validator(o => o.RequireHttps = true).ValidateAsync(url, CancellationToken.None);

        Assert.False(check.IsValid);
        Assert.Null(check.Url);
        Assert.Contains(reason, check.Reason);
    }

    [Theory]
    [InlineData("https://93.184.215.14/hooks/news?token=abc")]
    [InlineData("https://[2606:4700::1111]/in")]
    public async Task Accepts_https_to_public_addresses(string url)
    {
        var check = await Validator(o => o.RequireHttps = true).ValidateAsync(url, CancellationToken.None);

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(new Uri(url), check.Url);
    }

    [Fact]
    public async Task Accepts_plain_http_and_loopback_when_configured_for_local_development()
    {
        var check = await Validator(o => { o.RequireHttps = false; o.AllowPrivateNetworks = true; })
            .ValidateAsync("http://127.0.0.1:5055/hooks", CancellationToken.None);

        Assert.True(check.IsValid, check.Reason);
    }

    [Fact]
    public async Task Allowing_http_still_refuses_other_schemes()
    {
        var check = await Validator(o => o.RequireHttps = false).ValidateAsync("file:///etc/passwd", CancellationToken.None);

        Assert.Equal("The URL must use https or http, not 'file'.", check.Reason);
    }

    [Fact]
    public async Task Refuses_very_long_urls()
    {
        var check = await Validator(_ => { }).ValidateAsync("https://hooks.example/" + new string('a', 2100), CancellationToken.None);

        Assert.Contains("longer than 2048", check.Reason);
    }

    private static WebhookUrlValidator Validator(Action<WebhookOptions> configure)
    {
        var options = new WebhookOptions();
        configure(options);
        return new WebhookUrlValidator(Options.Create(options));
    }
}

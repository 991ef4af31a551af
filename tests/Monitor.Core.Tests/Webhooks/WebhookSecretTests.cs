using System.Text.Json;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.Webhooks;

public class WebhookSecretTests
{
    [Fact]
    public void Generated_secrets_are_whsec_and_32_random_bytes()
    {
        var first = WebhookSecret.Generate().Reveal();
        var second = WebhookSecret.Generate().Reveal();

        Assert.StartsWith("whsec_", first);
        Assert.Equal(32, Convert.FromBase64String(first["whsec_".Length..]).Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Parse_round_trips_the_revealed_text()
    {
        var text = WebhookSecret.Generate().Reveal();

        Assert.Equal(text, WebhookSecret.Parse(text).Reveal());
    }

    [Theory]
    [InlineData(24)]
    [InlineData(64)]
    public void Keys_of_24_to_64_bytes_are_accepted(int bytes)
    {
        Assert.True(WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(new byte[bytes]), out _));
    }

    [Theory]
    [InlineData(null, "starts with 'whsec_'")]
    [InlineData("", "starts with 'whsec_'")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "starts with 'whsec_'")]
    [InlineData("whsec_not*base64!", "followed by base64")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAAAA==", "24 to 64 bytes; this one is 16")]
    public void Malformed_secrets_are_refused_with_a_reason(string? text, string reason)
    {
        Assert.False(WebhookSecret.TryParse(text, out var secret, out var why));
        Assert.Null(secret);
        Assert.Contains(reason, why);
    }

    [Fact]
    public void Keys_longer_than_64_bytes_are_refused()
    {
        Assert.False(WebhookSecret.TryParse("whsec_" + Convert.ToBase64String(new byte[65]), out _));
    }

    [Fact]
    public void Parse_errors_do_not_quote_the_input()
    {
        const string almostSecret = "whsec_c2VjcmV0LWJ1dC10b28tc2hvcnQ=";

        var error = Assert.Throws<FormatException>(() => WebhookSecret.Parse(almostSecret));

        Assert.DoesNotContain("c2VjcmV0", error.Message);
    }

    [Fact]
    public void ToString_interpolation_and_serialisation_never_show_the_key()
    {
        var secret = WebhookSecret.Generate();
        var key = secret.Reveal()["whsec_".Length..];

        Assert.Equal("whsec_[redacted]", secret.ToString());
        Assert.DoesNotContain(key, $"secret is {secret}");
        Assert.DoesNotContain(key, JsonSerializer.Serialize(secret));
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.Webhooks;

public class WebhookSignerTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"specversion":"1.0","id":"alert_1"}""");

    [Fact]
    public void Reproduces_the_published_Standard_Webhooks_test_vector()
    {
        // The vector the Standard Webhooks reference libraries test against.
        var secret = WebhookSecret.Parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var signature = WebhookSigner.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}"""u8, [secret]);

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void Signs_id_timestamp_and_body_with_the_decoded_key()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var secret = WebhookSecret.Parse("whsec_" + Convert.ToBase64String(key));
        byte[] signed = [.. "alert_1.1700000000."u8, .. Body];
        var expected = HMACSHA256.HashData(key, signed);

        var signature = WebhookSigner.Sign("alert_1", 1700000000, Body, [secret]);

        Assert.Equal("v1," + Convert.ToBase64String(expected), signature);
    }

    [Fact]
    public void Headers_carry_the_current_unix_time_and_verify_with_the_receivers_check()
    {
        var now = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
        var secret = WebhookSecret.Generate();
        var signer = new WebhookSigner(new FakeTimeProvider(now));

        var headers = signer.Sign("alert_1", Body, [secret]);

        Assert.Equal(now.ToUnixTimeSeconds(), headers.Timestamp);
        Assert.Equal("alert_1", headers.Id);
        Assert.Null(Check(secret, headers, Body, now));
        Assert.Equal("no v1 signature matches", Check(secret, headers, [.. Body, (byte)' '], now));
        Assert.Equal("no v1 signature matches", Check(WebhookSecret.Generate(), headers, Body, now));
        Assert.Equal("webhook-timestamp is outside the tolerance", Check(secret, headers, Body, now.AddMinutes(6)));
    }

    [Fact]
    public void During_a_rotation_each_secret_gives_its_own_signature()
    {
        var now = DateTimeOffset.UnixEpoch.AddDays(20000);
        var (previous, current) = (WebhookSecret.Generate(), WebhookSecret.Generate());

        var headers = new WebhookSigner(new FakeTimeProvider(now)).Sign("alert_1", Body, [current, previous]);

        var entries = headers.Signature.Split(' ');
        Assert.Equal(2, entries.Length);
        Assert.All(entries, e => Assert.StartsWith("v1,", e));
        Assert.Equal(entries[0], WebhookSigner.Sign("alert_1", headers.Timestamp, Body, [current]));
        Assert.Equal(entries[1], WebhookSigner.Sign("alert_1", headers.Timestamp, Body, [previous]));
        Assert.Null(Check(previous, headers, Body, now));
        Assert.Null(Check(current, headers, Body, now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("alert.1")]
    [InlineData("alert 1")]
    [InlineData("alert\n1")]
    [InlineData("alerté")]
    public void Ids_that_could_confuse_the_signed_string_or_the_header_are_refused(string id)
    {
        Assert.False(WebhookSigner.IsValidId(id));
        Assert.Throws<ArgumentException>(() => WebhookSigner.Sign(id, 1, Body, [WebhookSecret.Generate()]));
    }

    [Fact]
    public void Signing_needs_a_secret()
    {
        Assert.Throws<ArgumentException>(() => WebhookSigner.Sign("alert_1", 1, Body, []));
    }

    private static string? Check(WebhookSecret secret, WebhookHeaders headers, byte[] body, DateTimeOffset now) =>
        StandardWebhooksVerifier.Check(secret.Reveal(), headers.Id, headers.Timestamp.ToString(), headers.Signature, body, now);
}

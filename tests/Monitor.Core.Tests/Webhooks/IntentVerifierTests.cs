using System.Web;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.Webhooks;

public class IntentVerifierTests
{
    [Theory]
    [InlineData(WebhookReceiverChallenge.Echo)]
    [InlineData(WebhookReceiverChallenge.EchoWithNewline)]
    public async Task A_receiver_that_echoes_the_challenge_is_verified(WebhookReceiverChallenge answer)
    {
        await using var harness = await WebhookHarness.StartAsync();
        harness.Receiver.ChallengeAnswer = answer;

        var result = await harness.Verifier.VerifyAsync(harness.Receiver.Url, CancellationToken.None);

        Assert.True(result.IsVerified, result.FailureReason);
        Assert.Null(result.FailureReason);
        var challenge = HttpUtility.ParseQueryString(Assert.Single(harness.Receiver.Challenges).Query)["challenge"];
        Assert.Matches("^[A-Za-z0-9_-]{32,}$", challenge);
    }

    [Fact]
    public async Task Each_verification_sends_a_fresh_challenge()
    {
        await using var harness = await WebhookHarness.StartAsync();

        await harness.Verifier.VerifyAsync(harness.Receiver.Url, CancellationToken.None);
        await harness.Verifier.VerifyAsync(harness.Receiver.Url, CancellationToken.None);

        var challenges = harness.Receiver.Challenges.Select(u => HttpUtility.ParseQueryString(u.Query)["challenge"]).ToArray();
        Assert.Equal(2, challenges.Distinct().Count());
    }

    [Theory]
    [InlineData(WebhookReceiverChallenge.WrongBody, "the body did not echo the challenge")]
    [InlineData(WebhookReceiverChallenge.NotFound, "answered 404")]
    public async Task A_receiver_that_does_not_echo_is_not_verified(WebhookReceiverChallenge answer, string reason)
    {
        await using var harness = await WebhookHarness.StartAsync();
        harness.Receiver.ChallengeAnswer = answer;

        var result = await harness.Verifier.VerifyAsync(harness.Receiver.Url, CancellationToken.None);

        Assert.False(result.IsVerified);
        Assert.Equal(reason, result.FailureReason);
    }

    [Fact]
    public async Task The_challenge_is_added_to_a_query_the_url_already_has()
    {
        await using var harness = await WebhookHarness.StartAsync();

        var result = await harness.Verifier.VerifyAsync(new Uri(harness.Receiver.Url, "?token=abc&x=1"), CancellationToken.None);

        Assert.True(result.IsVerified, result.FailureReason);
        var query = HttpUtility.ParseQueryString(Assert.Single(harness.Receiver.Challenges).Query);
        Assert.Equal("abc", query["token"]);
        Assert.Equal("1", query["x"]);
        Assert.NotNull(query["challenge"]);
    }

    [Fact]
    public async Task A_private_address_is_refused_unless_allowed()
    {
        await using var harness = await WebhookHarness.StartAsync(o => o.AllowPrivateNetworks = false);

        var result = await harness.Verifier.VerifyAsync(harness.Receiver.Url, CancellationToken.None);

        Assert.False(result.IsVerified);
        Assert.Contains("private", result.FailureReason);
        Assert.Empty(harness.Receiver.Challenges);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_times_out()
    {
        var time = new FakeTimeProvider();
        await using var harness = await WebhookHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(15), time);
        harness.Receiver.ChallengeAnswer = WebhookReceiverChallenge.NoAnswer;

        var verifying = harness.Verifier.VerifyAsync(harness.Receiver.Url, CancellationToken.None);
        await harness.Receiver.WaitForChallengesAsync(1);
        Assert.False(verifying.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(VerificationResult.Failed("timed out after 15 s"), await verifying);
    }

    [Fact]
    public async Task Plain_http_is_refused_without_a_request_where_https_is_required()
    {
        await using var harness = await WebhookHarness.StartAsync(o => o.RequireHttps = true);

        var result = await harness.Verifier.VerifyAsync(harness.Receiver.Url, CancellationToken.None);

        Assert.Equal(VerificationResult.Failed("The URL must use https."), result);
        Assert.Empty(harness.Receiver.Challenges);
    }

    [Theory]
    [InlineData("https://hooks.example/in", "https://hooks.example/in?challenge=c1")]
    [InlineData("https://hooks.example/in?", "https://hooks.example/in?challenge=c1")]
    [InlineData("https://hooks.example/in?a=b", "https://hooks.example/in?a=b&challenge=c1")]
    [InlineData("https://hooks.example/in?a=b#frag", "https://hooks.example/in?a=b&challenge=c1#frag")]
    public void WithChallenge_appends_one_parameter(string url, string expected)
    {
        Assert.Equal(expected, IntentVerifier.WithChallenge(new Uri(url), "c1").ToString());
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("abc\n", true)]
    [InlineData("abc\r\n", true)]
    [InlineData("abc\n\n", false)]
    [InlineData(" abc", false)]
    [InlineData("abcd", false)]
    [InlineData("ab", false)]
    [InlineData("", false)]
    public void Only_the_exact_challenge_and_one_line_ending_count_as_an_echo(string body, bool echo)
    {
        Assert.Equal(echo, IntentVerifier.IsEcho(System.Text.Encoding.UTF8.GetBytes(body), "abc"));
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Alerts;
using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.Webhooks;

public class WebhookSenderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"specversion":"1.0","id":"alert_1","type":"newsmonitor.match"}""");
    private static readonly WebhookSecret Secret = WebhookSecret.Generate();

    [Fact]
    public async Task A_2xx_is_delivered_with_the_signed_cloudevent_and_its_headers()
    {
        await using var harness = await WebhookHarness.StartAsync(time: new FakeTimeProvider(Now));

        var attempt = await Send(harness);

        Assert.Equal(DeliveryOutcome.Delivered, attempt.Outcome);
        Assert.Equal(200, attempt.StatusCode);
        Assert.Null(attempt.Error);
        Assert.Equal(Now, attempt.Time);
        var request = Assert.Single(harness.Receiver.Requests);
        Assert.Equal(Body, request.Body);
        Assert.Equal("application/cloudevents+json; charset=utf-8", request.Header("content-type"));
        Assert.Equal("alert_1", request.Header("webhook-id"));
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), request.Header("webhook-timestamp"));
        Assert.Contains("NewsMonitor", request.Header("user-agent"));
        Assert.Null(StandardWebhooksVerifier.Check(Secret.Reveal(), request, Now));
    }

    [Fact]
    public async Task An_alert_is_sent_with_its_cloudevent_id_as_the_webhook_id()
    {
        await using var harness = await WebhookHarness.StartAsync();
        var alert = AlertEventFactory.Create(
            "alert_from_event",
            new TopicMatch("habomai", "Habomai", [new TermHit("habomai", "title")], "«Habomai»"),
            new NewsItem { Feed = "https://news.example/rss", Id = "story-1", Title = "Habomai" },
            Now);

        var attempt = await harness.Sender.SendAsync(harness.Receiver.Url, alert, [Secret], CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, attempt.Outcome);
        var request = Assert.Single(harness.Receiver.Requests);
        Assert.Equal("alert_from_event", request.Header("webhook-id"));
        Assert.Equal(alert.Id, AlertEventFactory.Deserialize(request.Body).Id);
    }

    [Fact]
    public async Task During_a_rotation_the_receiver_verifies_with_either_secret()
    {
        await using var harness = await WebhookHarness.StartAsync(time: new FakeTimeProvider(Now));
        var previous = WebhookSecret.Generate();

        await harness.Sender.SendAsync(harness.Receiver.Url, "alert_1", Body, [Secret, previous], CancellationToken.None);

        var request = Assert.Single(harness.Receiver.Requests);
        Assert.Null(StandardWebhooksVerifier.Check(Secret.Reveal(), request, Now));
        Assert.Null(StandardWebhooksVerifier.Check(previous.Reveal(), request, Now));
        Assert.NotNull(StandardWebhooksVerifier.Check(WebhookSecret.Generate().Reveal(), request, Now));
    }

    [Theory]
    [InlineData(500, DeliveryOutcome.Retry, "answered 500")]
    [InlineData(404, DeliveryOutcome.Retry, "answered 404")]
    [InlineData(429, DeliveryOutcome.Retry, "answered 429")]
    [InlineData(410, DeliveryOutcome.Gone, "answered 410 Gone: the receiver asked for no more alerts")]
    [InlineData(204, DeliveryOutcome.Delivered, null)]
    public async Task Answers_map_to_outcomes(int status, DeliveryOutcome outcome, string? error)
    {
        await using var harness = await WebhookHarness.StartAsync();
        harness.Receiver.Script(new WebhookReceiverResponse(status));

        var attempt = await Send(harness);

        Assert.Equal(outcome, attempt.Outcome);
        Assert.Equal(status, attempt.StatusCode);
        Assert.Equal(error, attempt.Error);
        Assert.Null(attempt.RetryAfter);
    }

    [Fact]
    public async Task A_503_with_Retry_After_in_seconds_is_retried_no_sooner()
    {
        await using var harness = await WebhookHarness.StartAsync();
        harness.Receiver.Script(WebhookReceiverResponse.Unavailable("120"));

        var attempt = await Send(harness);

        Assert.Equal(DeliveryOutcome.Retry, attempt.Outcome);
        Assert.Equal(503, attempt.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), attempt.RetryAfter);
    }

    [Fact]
    public async Task A_Retry_After_date_is_read_relative_to_the_clock()
    {
        await using var harness = await WebhookHarness.StartAsync(time: new FakeTimeProvider(Now));
        harness.Receiver.Script(WebhookReceiverResponse.Unavailable(Now.AddSeconds(90).ToString("R", CultureInfo.InvariantCulture)));

        var attempt = await Send(harness);

        Assert.Equal(TimeSpan.FromSeconds(90), attempt.RetryAfter);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(307)]
    public async Task A_redirect_is_not_followed_and_is_retried(int status)
    {
        await using var harness = await WebhookHarness.StartAsync();
        harness.Receiver.Script(WebhookReceiverResponse.Redirect(status, new Uri(harness.Receiver.BaseAddress, "elsewhere").ToString()));

        var attempt = await Send(harness);

        Assert.Equal(DeliveryOutcome.Retry, attempt.Outcome);
        Assert.Equal(status, attempt.StatusCode);
        Assert.Contains("redirects are not followed", attempt.Error);
        Assert.Single(harness.Receiver.Requests);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_times_out_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(Now);
        await using var harness = await WebhookHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(15), time);
        harness.Receiver.Script(WebhookReceiverResponse.NoAnswer);

        var sending = Send(harness);
        await harness.Receiver.WaitForRequestsAsync(1);
        Assert.False(sending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(15));
        var attempt = await sending;

        Assert.Equal(DeliveryOutcome.Retry, attempt.Outcome);
        Assert.Null(attempt.StatusCode);
        Assert.Equal("timed out after 15 s", attempt.Error);
        Assert.Equal(TimeSpan.FromSeconds(15), attempt.Latency);
    }

    [Fact]
    public async Task A_refused_connection_is_retried()
    {
        await using var harness = await WebhookHarness.StartAsync();
        var closedPort = ClosedLoopbackPort();

        var attempt = await harness.Sender.SendAsync(new Uri($"http://127.0.0.1:{closedPort}/hook"), "alert_1", Body, [Secret], CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retry, attempt.Outcome);
        Assert.Null(attempt.StatusCode);
        Assert.Equal($"Connection refused (127.0.0.1:{closedPort})", attempt.Error);
    }

    [Fact]
    public async Task Loopback_is_blocked_at_connect_time_unless_private_networks_are_allowed()
    {
        await using var harness = await WebhookHarness.StartAsync(o => o.AllowPrivateNetworks = false);

        var attempt = await Send(harness);

        Assert.Equal(DeliveryOutcome.Blocked, attempt.Outcome);
        Assert.Null(attempt.StatusCode);
        Assert.Contains("127.0.0.1", attempt.Error);
        Assert.Empty(harness.Receiver.Requests);
    }

    [Fact]
    public async Task Plain_http_is_blocked_where_https_is_required()
    {
        await using var harness = await WebhookHarness.StartAsync(o => o.RequireHttps = true);

        var attempt = await Send(harness);

        Assert.Equal(DeliveryOutcome.Blocked, attempt.Outcome);
        Assert.Equal("The URL must use https.", attempt.Error);
        Assert.Empty(harness.Receiver.Requests);
    }

    [Fact]
    public async Task Cancelling_the_caller_throws_rather_than_recording_an_attempt()
    {
        await using var harness = await WebhookHarness.StartAsync();
        harness.Receiver.Script(WebhookReceiverResponse.NoAnswer);
        using var cancel = new CancellationTokenSource();

        var sending = harness.Sender.SendAsync(harness.Receiver.Url, "alert_1", Body, [Secret], cancel.Token);
        await harness.Receiver.WaitForRequestsAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
    }

    [Fact]
    public async Task Neither_the_secret_nor_the_urls_query_reaches_the_logs_or_the_attempts()
    {
        await using var harness = await WebhookHarness.StartAsync();
        harness.Receiver.Script(WebhookReceiverResponse.ServerError, WebhookReceiverResponse.Gone);
        var url = new Uri(harness.Receiver.Url, "?token=receivers-own-token");
        var key = Secret.Reveal()["whsec_".Length..];

        var attempts = new List<DeliveryAttempt>();
        for (var i = 0; i < 3; i++)
            attempts.Add(await harness.Sender.SendAsync(url, "alert_1", Body, [Secret], CancellationToken.None));

        Assert.Equal([DeliveryOutcome.Retry, DeliveryOutcome.Gone, DeliveryOutcome.Delivered], attempts.Select(a => a.Outcome));
        Assert.Equal(3, harness.Logs.Lines.Count(l => l.Contains("alert_1")));
        Assert.All(harness.Logs.Lines, line =>
        {
            Assert.DoesNotContain(key, line);
            Assert.DoesNotContain("receivers-own-token", line);
        });
        Assert.All(attempts, a => Assert.DoesNotContain(key, a.ToString()));
    }

    private static Task<DeliveryAttempt> Send(WebhookHarness harness) =>
        harness.Sender.SendAsync(harness.Receiver.Url, "alert_1", Body, [Secret], CancellationToken.None);

    /// <summary>A port that was just free on 127.0.0.1 and has no listener now.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

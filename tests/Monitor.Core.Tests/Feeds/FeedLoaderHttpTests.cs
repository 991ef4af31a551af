using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Feeds;
using NewsMonitor.Testing;
using static NewsMonitor.Testing.FeedServerResponses;

namespace NewsMonitor.Tests.Feeds;

/// <summary>
/// <see cref="FeedLoader"/> against a real Kestrel server on 127.0.0.1 that misbehaves in every way the
/// issue lists: each case ends as a per-feed error with a reason, or as a correct parse — never an
/// exception or a stall.
/// </summary>
public sealed class FeedLoaderHttpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private FeedServer _server = null!;

    public async Task InitializeAsync() => _server = await FeedServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static FeedLoader Loader(Action<FeedReadingOptions>? configure = null, TimeProvider? time = null) =>
        FeedReadingTestServices.Create(configure, time).GetRequiredService<FeedLoader>();

    private static Task<FeedLoadResult> LoadAsync(Uri url, Action<FeedReadingOptions>? configure = null, FeedPollState? previous = null, TimeProvider? time = null) =>
        Loader(configure, time).LoadAsync(url.ToString(), previous, CancellationToken.None);

    [Fact]
    public async Task A_served_feed_is_parsed_with_the_service_user_agent_and_validators_kept()
    {
        var url = _server.Serve("/feed.xml", Feed(FeedServerDocuments.Rss(3), etag: "\"v1\"", lastModified: "Mon, 30 Nov 2026 05:00:00 GMT"));

        var result = await LoadAsync(url, time: new FakeTimeProvider(Now));

        Assert.Equal(FeedLoadOutcome.Parsed, result.Outcome);
        Assert.Equal(["item-0", "item-1", "item-2"], result.Feed!.Items.Select(i => i.Id));
        Assert.Equal("\"v1\"", result.State.ETag);
        Assert.Equal("Mon, 30 Nov 2026 05:00:00 GMT", result.State.LastModified);
        Assert.Equal(Now, result.State.LastSuccessAt);
        Assert.Equal(Now + TimeSpan.FromMinutes(5), result.State.NextPollAt);
        Assert.StartsWith("NewsMonitor/", _server.RequestsTo("/feed.xml").Single().Header("User-Agent"));
        Assert.Contains("gzip", _server.RequestsTo("/feed.xml").Single().Header("Accept-Encoding"));
    }

    [Fact]
    public async Task A_second_load_with_the_etag_is_conditional_and_parses_nothing()
    {
        var url = _server.Serve("/feed.xml", Feed(FeedServerDocuments.Rss(3), etag: "\"v1\""));
        var loader = Loader();

        var first = await loader.LoadAsync(url.ToString(), null, CancellationToken.None);
        var second = await loader.LoadAsync(url.ToString(), first.State, CancellationToken.None);

        Assert.Equal(FeedLoadOutcome.Parsed, first.Outcome);
        Assert.Equal(FeedLoadOutcome.NotModified, second.Outcome);
        Assert.Null(second.Feed);
        Assert.Equal(304, second.HttpStatus);
        var requests = _server.RequestsTo("/feed.xml");
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal("\"v1\"", requests[1].Header("If-None-Match"));
        Assert.Equal("\"v1\"", second.State.ETag);
    }

    [Fact]
    public async Task Last_modified_alone_also_makes_the_second_request_conditional()
    {
        var url = _server.Serve("/feed.xml", Feed(FeedServerDocuments.Rss(1), lastModified: "Mon, 30 Nov 2026 05:00:00 GMT"));
        var loader = Loader();

        var first = await loader.LoadAsync(url.ToString(), null, CancellationToken.None);
        var second = await loader.LoadAsync(url.ToString(), first.State, CancellationToken.None);

        Assert.Equal(FeedLoadOutcome.NotModified, second.Outcome);
        Assert.Equal("Mon, 30 Nov 2026 05:00:00 GMT", _server.RequestsTo("/feed.xml")[1].Header("If-Modified-Since"));
    }

    [Fact]
    public async Task The_same_bytes_again_from_a_server_without_validators_parse_nothing()
    {
        var url = _server.Serve("/feed.xml", Feed(FeedServerDocuments.Rss(3)));
        var loader = Loader();

        var first = await loader.LoadAsync(url.ToString(), null, CancellationToken.None);
        var second = await loader.LoadAsync(url.ToString(), first.State, CancellationToken.None);
        _server.Serve("/feed.xml", Feed(FeedServerDocuments.Rss(4)));
        var third = await loader.LoadAsync(url.ToString(), second.State, CancellationToken.None);

        Assert.Equal(FeedLoadOutcome.Parsed, first.Outcome);
        Assert.Equal(FeedLoadOutcome.NotModified, second.Outcome);
        Assert.Equal(200, second.HttpStatus);
        Assert.Equal(FeedLoadOutcome.Parsed, third.Outcome);
        Assert.Equal(4, third.Feed!.Items.Count);
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(410, "HTTP 410 Gone")]
    [InlineData(500, "HTTP 500 Internal Server Error")]
    public async Task Http_errors_are_per_feed_failures_with_the_status(int status, string reason)
    {
        var url = _server.Serve("/feed.xml", Status(status));

        var result = await LoadAsync(url, time: new FakeTimeProvider(Now));

        Assert.Equal(FeedLoadOutcome.Failed, result.Outcome);
        Assert.Equal(reason, result.Error);
        Assert.Equal(status == 410, result.IsGone);
        Assert.Equal(1, result.State.ConsecutiveFailures);
        Assert.Equal(reason, result.State.LastError);
        Assert.Equal(Now, result.State.LastErrorAt);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_after_on_429_and_503_sets_the_next_poll(int status)
    {
        var url = _server.Serve("/feed.xml", Status(status, retryAfter: "7200"));

        var result = await LoadAsync(url, time: new FakeTimeProvider(Now));

        Assert.Equal(FeedLoadOutcome.Failed, result.Outcome);
        Assert.StartsWith($"HTTP {status}", result.Error);
        Assert.Equal(Now + TimeSpan.FromHours(2), result.State.NextPollAt);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        var url = _server.Serve("/feed.xml", Status(503, retryAfter: (Now + TimeSpan.FromHours(3)).ToString("r")));

        var result = await LoadAsync(url, time: new FakeTimeProvider(Now));

        Assert.Equal(Now + TimeSpan.FromHours(3), result.State.NextPollAt);
    }

    [Fact]
    public async Task Cache_control_max_age_postpones_the_next_poll()
    {
        var url = _server.Serve("/feed.xml", Feed(FeedServerDocuments.Rss(1), cacheControl: "public, max-age=3600"));

        var result = await LoadAsync(url, time: new FakeTimeProvider(Now));

        Assert.Equal(Now + TimeSpan.FromHours(1), result.State.NextPollAt);
    }

    [Fact]
    public async Task Slow_headers_time_out_with_a_reason()
    {
        var url = _server.Serve("/feed.xml", SlowHeaders());
        var clock = Stopwatch.StartNew();

        var result = await LoadAsync(url, o => o.ReadTimeout = TimeSpan.FromMilliseconds(300));

        Assert.Equal(FeedLoadOutcome.Failed, result.Outcome);
        Assert.Equal("timed out after 300 ms waiting for the response", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_stalled_body_times_out_with_a_reason()
    {
        var url = _server.Serve("/feed.xml", SlowBody(FeedServerDocuments.Rss(50)));

        var result = await LoadAsync(url, o => o.ReadTimeout = TimeSpan.FromMilliseconds(300));

        Assert.Equal("timed out after 300 ms reading the body", result.Error);
    }

    [Fact]
    public async Task The_total_timeout_bounds_a_fetch_that_keeps_trickling()
    {
        var url = _server.Serve("/feed.xml", SlowBody(FeedServerDocuments.Rss(50)));

        var result = await LoadAsync(url, o =>
        {
            o.ReadTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromMilliseconds(400);
        });

        Assert.Equal("timed out after 400 ms reading the body (total time limit)", result.Error);
    }

    [Fact]
    public async Task A_truncated_body_is_a_per_feed_failure()
    {
        var url = _server.Serve("/feed.xml", TruncatedBody(FeedServerDocuments.Rss(50)));

        var result = await LoadAsync(url);

        // The reset can reach the client before or after the headers it follows, so either phase may be named.
        Assert.Equal(FeedLoadOutcome.Failed, result.Outcome);
        Assert.StartsWith("connection broke ", result.Error);
    }

    [Fact]
    public async Task An_endless_body_stops_at_the_cap()
    {
        var url = _server.Serve("/feed.xml", EndlessBody());

        var result = await LoadAsync(url, o => o.MaxBodyBytes = 1024 * 1024);

        Assert.Equal("body exceeds 1 MiB", result.Error);
    }

    [Fact]
    public async Task A_content_length_over_the_cap_is_refused_before_reading()
    {
        var url = _server.Serve("/feed.xml", Feed(FeedServerDocuments.Rss(200)));

        var result = await LoadAsync(url, o => o.MaxBodyBytes = 4096);

        Assert.StartsWith("body exceeds 4 KiB (Content-Length ", result.Error);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Compression_bombs_stop_at_the_cap_on_the_decompressed_bytes(string encoding)
    {
        var url = _server.Serve("/feed.xml", CompressionBomb(64L * 1024 * 1024, encoding));

        var result = await LoadAsync(url, o => o.MaxBodyBytes = 2 * 1024 * 1024);

        Assert.Equal("body exceeds 2 MiB", result.Error);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Compressed_feeds_are_decompressed(string encoding)
    {
        var url = _server.Serve("/feed.xml", Compressed(FeedServerDocuments.Rss(5), encoding));

        var result = await LoadAsync(url);

        Assert.Equal(5, result.Feed!.Items.Count);
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_five_redirects()
    {
        _server.Serve("/a", Redirect("/b"));
        var url = _server.Serve("/b", Redirect("/a"));

        var result = await LoadAsync(url);

        Assert.Equal("too many redirects (more than 5)", result.Error);
        Assert.Equal(6, _server.Requests.Count);
    }

    [Fact]
    public async Task A_permanent_redirect_updates_the_stored_url()
    {
        var target = _server.Serve("/new.xml", Feed(FeedServerDocuments.Rss(2)));
        var url = _server.Serve("/old.xml", Redirect("/new.xml", 301));

        var result = await LoadAsync(url);

        Assert.Equal(FeedLoadOutcome.Parsed, result.Outcome);
        Assert.Equal(target.ToString(), result.State.Url);
        Assert.Equal(url.ToString(), result.Source);
        Assert.All(result.Feed!.Items, item => Assert.Equal(url.ToString(), item.Feed));
    }

    [Fact]
    public async Task A_temporary_redirect_keeps_the_stored_url()
    {
        _server.Serve("/new.xml", Feed(FeedServerDocuments.Rss(2)));
        var url = _server.Serve("/old.xml", Redirect("/new.xml", 302));

        var result = await LoadAsync(url);

        Assert.Equal(FeedLoadOutcome.Parsed, result.Outcome);
        Assert.Equal(url.ToString(), result.State.Url);
    }

    [Fact]
    public async Task A_permanent_redirect_to_something_that_is_not_a_feed_keeps_the_stored_url()
    {
        _server.Serve("/moved.html", Feed("<html><body>gone</body></html>", "text/html"));
        var url = _server.Serve("/old.xml", Redirect("/moved.html", 308));

        var result = await LoadAsync(url);

        Assert.Equal("not a feed: HTML page (served as text/html)", result.Error);
        Assert.Equal(url.ToString(), result.State.Url);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        var url = _server.Serve("/feed.xml", Redirect("file:///etc/passwd"));

        var result = await LoadAsync(url);

        Assert.Equal("HTTP 302 redirect without a usable http(s) Location", result.Error);
    }

    [Fact]
    public async Task A_closed_port_is_a_per_feed_failure()
    {
        var closed = await FeedServer.StartAsync();
        var url = closed.Url("/feed.xml");
        await closed.DisposeAsync();

        var result = await LoadAsync(url);

        Assert.StartsWith($"cannot connect to 127.0.0.1:{url.Port}", result.Error);
    }

    [Fact]
    public async Task A_feed_served_with_a_wrong_content_type_is_still_parsed()
    {
        var url = _server.Serve("/feed.txt", Feed(FeedServerDocuments.Rss(2), contentType: "application/octet-stream"));

        var result = await LoadAsync(url);

        Assert.Equal(2, result.Feed!.Items.Count);
    }

    [Fact]
    public async Task An_html_page_is_not_a_feed()
    {
        var url = _server.Serve("/", Feed("<!DOCTYPE html><html><head><title>News</title></head><body>Hi</body></html>", "text/html; charset=utf-8"));

        var result = await LoadAsync(url);

        Assert.Equal("not a feed: HTML page (served as text/html)", result.Error);
    }

    [Fact]
    public async Task An_empty_body_is_a_per_feed_failure()
    {
        var url = _server.Serve("/feed.xml", Feed(""));

        var result = await LoadAsync(url);

        Assert.Equal("empty body", result.Error);
    }

    [Fact]
    public async Task The_http_charset_decodes_a_feed_in_a_legacy_encoding()
    {
        var body = LegacyEncodings.Get("shift_jis").GetBytes(
            "<rss version=\"2.0\"><channel><title>ニュース</title><item><title>色丹島の記事</title><guid>1</guid></item></channel></rss>");
        var url = _server.Serve("/sjis.xml", Bytes(body, "application/rss+xml; charset=Shift_JIS"));

        var result = await LoadAsync(url);

        Assert.Equal("色丹島の記事", result.Feed!.Items.Single().Title);
    }

    public static TheoryData<string, byte[], string> HostileOrOddDocuments()
    {
        const string rss = "<rss version=\"2.0\"><channel><title>{0}</title></channel></rss>";
        var laughs = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        return new TheoryData<string, byte[], string>
        {
            { "xxe", Encoding.UTF8.GetBytes("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + string.Format(rss, "a&x;b")), "a&x;b" },
            { "billion laughs", Encoding.UTF8.GetBytes($"<!DOCTYPE rss [<!ENTITY l0 \"lol\">{laughs}]>" + string.Format(rss, "&l9;")), "&l9;" },
            { "undeclared entities", Encoding.UTF8.GetBytes(string.Format(rss, "Caf&eacute;&nbsp;&mdash;")), "Café\u00A0—" },
            { "utf-8 bom", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Format(rss, "Шикотан"))], "Шикотан" },
            { "utf-16 bom", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(string.Format(rss, "歯舞群島"))], "歯舞群島" },
            { "windows-1251", LegacyEncodings.Get(1251).GetBytes("<?xml version=\"1.0\" encoding=\"windows-1251\"?>" + string.Format(rss, "Хабомаи")), "Хабомаи" },
        };
    }

    [Theory]
    [MemberData(nameof(HostileOrOddDocuments))]
    public async Task Hostile_or_oddly_encoded_documents_parse_safely(string name, byte[] body, string title)
    {
        var url = _server.Serve("/feed.xml", Bytes(body, "application/xml"));

        var result = await LoadAsync(url);

        Assert.True(result.Outcome == FeedLoadOutcome.Parsed, $"{name}: {result.Error}");
        Assert.Equal(title, result.Feed!.Title);
    }

    [Fact]
    public async Task A_feed_of_ten_thousand_items_is_parsed()
    {
        var url = _server.Serve("/big.xml", Feed(FeedServerDocuments.Rss(10_000)));

        var result = await LoadAsync(url);

        Assert.Equal(10_000, result.Feed!.Items.Count);
        Assert.Equal("item-9999", result.Feed.Items[^1].Id);
    }

    [Fact]
    public async Task Loopback_is_refused_when_private_networks_are_not_allowed()
    {
        var url = _server.Serve("/feed.xml", Feed(FeedServerDocuments.Rss(1)));

        var result = await LoadAsync(url, o => o.AllowPrivateNetworks = false);

        Assert.Equal("refused: 127.0.0.1 resolves to a private, loopback or link-local address", result.Error);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_host_name_resolving_to_loopback_is_refused_at_connect_time()
    {
        var result = await LoadAsync(new Uri("http://localhost:" + _server.BaseAddress.Port + "/feed.xml"), o => o.AllowPrivateNetworks = false);

        Assert.Equal("refused: localhost resolves to a private, loopback or link-local address", result.Error);
    }

    [Fact]
    public async Task Failures_in_a_row_back_off_and_a_success_resets_them()
    {
        var time = new FakeTimeProvider(Now);
        var url = _server.Serve("/feed.xml", Status(500));
        var loader = Loader(time: time);

        var first = await loader.LoadAsync(url.ToString(), null, CancellationToken.None);
        var second = await loader.LoadAsync(url.ToString(), first.State, CancellationToken.None);
        _server.Serve("/feed.xml", Feed(FeedServerDocuments.Rss(1)));
        var third = await loader.LoadAsync(url.ToString(), second.State, CancellationToken.None);

        Assert.Equal(2, second.State.ConsecutiveFailures);
        Assert.InRange(second.State.NextPollAt!.Value - Now, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));
        Assert.Equal(0, third.State.ConsecutiveFailures);
        Assert.Equal("HTTP 500 Internal Server Error", third.State.LastError);
        Assert.Equal(Now + TimeSpan.FromMinutes(5), third.State.NextPollAt);
    }
}

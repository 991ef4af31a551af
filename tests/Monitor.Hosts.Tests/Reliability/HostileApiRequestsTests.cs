using System.Net;
using System.Text;
using NewsMonitor.Tests.Api;

namespace NewsMonitor.Tests.Reliability;

/// <summary>
/// Reliability scenario "hostile API requests" (docs/RELIABILITY.md): hundreds of malformed, oversized, tricky and
/// SSRF requests, with and without the API key, against a running local host on private-networks-off settings (as in
/// Azure). Not one may answer 5xx, the host must keep answering, and nothing may be stored.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class HostileApiRequestsTests() : LocalHostTests(settings: new Dictionary<string, string?> { ["Monitor:AllowPrivateNetworks"] = "false" })
{
    private static readonly string[] SsrfUrls =
    [
        "http://127.0.0.1/", "http://localhost/", "http://[::1]/", "http://0.0.0.0/", "http://169.254.169.254/latest/meta-data/",
        "http://metadata.google.internal/", "http://[fd00:ec2::254]/", "http://2130706433/", "http://0x7f000001/", "http://017700000001/",
        "http://0177.0.0.1/", "http://127.1/", "http://[::ffff:127.0.0.1]/", "http://[::7f00:1]/", "http://[2002:7f00:1::1]/",
        "http://[2001:0:7f00:1::1]/", "http://[64:ff9b::7f00:1]/", "http://[::ffff:169.254.169.254]/", "http://10.0.0.1/", "http://192.168.0.1/",
        "http://172.16.0.1/", "http://100.64.0.1/", "http://localtest.me/", "http://127.0.0.1.nip.io/", "http://[fe80::1]/",
        "file:///etc/passwd", "gopher://127.0.0.1:25/", "ftp://127.0.0.1/", "http://user:pass@127.0.0.1/", "http://127.0.0.1:22/",
    ];

    private static IEnumerable<(string Method, string Path, Func<HttpContent?> Body)> Requests()
    {
        static Func<HttpContent?> Json(string text) => () => new StringContent(text, Encoding.UTF8, "application/json");
        foreach (var url in SsrfUrls)
            yield return ("POST", "api/subscriptions", Json($$"""{"url": "{{url}}", "topics": ["shikotan"]}"""));
        string[] badBodies =
        [
            "", "{", "}", "null", "[]", "\"x\"", "{\"url\": ", "{\"id\": \"a\", \"id\": \"b\", \"name\": \"n\", \"query\": \"q\"}",
            "{\"url\": \"https://example.com/\", \"url\": \"http://127.0.0.1/\", \"topics\": [\"shikotan\"]}", "{\"topics\": null}",
            "{\"id\": \"a\u0000b\", \"name\": \"n\", \"query\": \"q\"}", "{\"id\": \"../../etc\", \"name\": \"n\", \"query\": \"q\"}",
            "{\"id\": \"ok\", \"name\": \"\u0007\u001b[31m\", \"query\": \"(((\"}", "{\"id\": 1, \"name\": 2, \"query\": 3}",
            new string('[', 5_000) + new string(']', 5_000), "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 3_000)) + "1" + new string('}', 3_001),
            "{\"id\": \"deep\", \"name\": \"d\", \"query\": \"" + new string('(', 20_000) + "x" + new string(')', 20_000) + "\"}",
            "\uFEFF{\"id\": \"bom\"}", "{\"id\": \"x\", \"name\": \"y\", \"query\": \"z\", \"extra\": true}", "{'id': 'single-quotes'}",
        ];
        foreach (var path in new[] { "api/topics", "api/subscriptions" })
        {
            foreach (var body in badBodies) yield return ("POST", path, Json(body));
            yield return ("POST", path, () => new StringContent("""{"id": "t", "name": "t", "query": "t"}""", Encoding.UTF8, "text/plain"));
            yield return ("POST", path, () => new ByteArrayContent("""{"id": "t"}"""u8.ToArray()));
            yield return ("POST", path, () => new StringContent("<xml/>", Encoding.UTF8, "application/xml"));
            yield return ("POST", path, () => new StringContent("id=t&name=t", Encoding.UTF8, "application/x-www-form-urlencoded"));
            yield return ("POST", path, () => new ByteArrayContent(new byte[10 * 1024 * 1024]) { Headers = { { "Content-Type", "application/json" } } });
            yield return ("POST", path, () => new ChunkedContent(10 * 1024 * 1024));
            yield return ("POST", path, () => new ByteArrayContent([0xFF, 0xFE, 0x00, 0xC3, 0x28]) { Headers = { { "Content-Type", "application/json" } } });
        }
        string[] paths =
        [
            "api/topics/..%2f..%2fetc%2fpasswd", "api/topics/%00", "api/topics/" + new string('a', 5_000), "api/subscriptions/..", "api/../api/topics",
            "api/topics/%2e%2e", "api/deliveries/x%0d%0aSet-Cookie:a=b/replay", "api/deliveries/" + new string('-', 300) + "/replay", "api//topics",
            "api/subscriptions/sub_%ff%fe", "api/matches?limit=-1", "api/matches?limit=99999999999", "api/matches?topic=%00", "api/matches?since=not-a-date",
            "api/topics/shikotan/feed?x=" + new string('x', 4_000), "api/nothing-here", "api/topics/\u202e", "api/feeds/../../x", "api/subscriptions/a;b",
        ];
        foreach (var path in paths)
        {
            yield return ("GET", path, () => null);
            yield return ("DELETE", path, () => null);
            yield return ("POST", path, Json("{}"));
        }
        foreach (var method in new[] { "PUT", "PATCH", "OPTIONS", "TRACE", "PROPFIND" })
            foreach (var path in new[] { "api/topics", "api/subscriptions", "api/topics/shikotan" })
                yield return (method, path, Json("{}"));
    }

    [Fact]
    public async Task Hundreds_of_hostile_requests_with_and_without_a_key_get_no_5xx_and_store_nothing()
    {
        var requests = Requests().ToList();
        var sent = 0;
        var failures = new List<string>();
        foreach (var client in new[] { host.Client, host.NewClient(apiKey: null), host.NewClient("wrong-key") })
        {
            foreach (var (method, path, body) in requests)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body() };
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request);
                }
                catch (HttpRequestException)
                {
                    continue; // the server may cut off a 10 MB upload once it has answered 413: that is a refusal, not a crash
                }
                sent++;
                using (response)
                {
                    if ((int)response.StatusCode >= 500) failures.Add($"{method} {path[..Math.Min(80, path.Length)]}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(sent >= 200, $"only {sent} requests answered");
        Assert.Empty(failures);
        Assert.Empty(host.StoredBlobs("subscriptions/"));
        Assert.Empty(host.StoredBlobs("topics/"));
        Assert.Empty(host.Receiver.Challenges);
        Assert.Equal(4, (await host.GetJsonAsync("api/topics")).GetArrayLength()); // still up, still the seed topics only
    }

    /// <summary>A body sent with chunked transfer encoding (no Content-Length), so the size limit must be enforced while reading.</summary>
    private sealed class ChunkedContent(int bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes("{\"id\":\"" + new string('a', 8_000));
            for (var written = 0; written < bytes; written += chunk.Length) await stream.WriteAsync(chunk);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

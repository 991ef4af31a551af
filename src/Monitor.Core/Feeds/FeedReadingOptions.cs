namespace NewsMonitor.Feeds;

/// <summary>Limits and politeness settings for reading feeds (configuration section <see cref="SectionName"/>).</summary>
public sealed class FeedReadingOptions
{
    public const string SectionName = "Monitor:FeedReading";

    /// <summary>Allow feed URLs that resolve to loopback, private or link-local addresses (development and tests only).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Largest body accepted, counted after decompression so gzip, deflate and brotli bombs stop here.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Time allowed to open the TCP connection (and TLS) to the feed's host.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for the response headers, and for each chunk of the body after the previous one.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed for the whole fetch of one feed, redirects and body included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests in flight to one host at a time, so one publisher is never hammered by a scan.</summary>
    public int MaxConcurrentPerHost { get; set; } = 4;

    /// <summary>Redirects followed before giving up (each target is re-checked by the network guard).</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Sent with every request so publishers can tell who polls them and how to reach us.</summary>
    public string UserAgent { get; set; } = "NewsMonitor/1.0 (+https://github.com/newsmonitor)";

    /// <summary>Normal time between two polls of a healthy feed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound on the interval a publisher can ask for with Cache-Control max-age or RSS &lt;ttl&gt;.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Upper bound on the wait after failures (exponential backoff) and on an honoured Retry-After.</summary>
    public TimeSpan MaxErrorBackoff { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Item ids remembered per feed beyond those in the latest document.</summary>
    public int SeenItemCapacity { get; set; } = FeedPollState.DefaultSeenItemCapacity;
}

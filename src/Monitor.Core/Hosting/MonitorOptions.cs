using System.ComponentModel.DataAnnotations;

namespace NewsMonitor.Hosting;

/// <summary>
/// The service's own settings, section <c>Monitor</c> (environment variables <c>Monitor__ApiKey</c>, ...).
/// Storage, feed reading and webhook settings have their own sections below it.
/// </summary>
public sealed class MonitorOptions
{
    public const string SectionName = "Monitor";

    /// <summary>Key the local host requires in the <c>x-functions-key</c> header. In Azure, function keys do this job.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Lets feeds and webhooks reach loopback and private addresses: local development and tests only.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The topics file (JSON array of topics). Relative paths are tried against the working directory, then the app folder.</summary>
    [Required] public string TopicsFile { get; set; } = "seeds/topics.json";

    /// <summary>The feeds file (JSON array of { url, name }); empty to use only <see cref="FeedUrls"/>.</summary>
    public string? FeedsFile { get; set; } = "seeds/feeds.json";

    /// <summary>Extra feed URLs (or file paths) polled besides those of <see cref="FeedsFile"/>.</summary>
    public List<string> FeedUrls { get; set; } = [];

    /// <summary>NCRONTAB schedule with seconds, the same format as the timer trigger's <c>PollSchedule</c>.</summary>
    [Required] public string PollSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>How many feeds one host polls at once.</summary>
    [Range(1, 256)] public int MaxConcurrentFeeds { get; set; } = 16;

    /// <summary>How many alert deliveries one host sends at once.</summary>
    [Range(1, 256)] public int MaxConcurrentDeliveries { get; set; } = 16;

    /// <summary>
    /// When a subscription is verified, it is also sent the stories of its topics matched this long ago or less
    /// (0 turns this off): a subscriber does not miss what the poll just before its verification found.
    /// </summary>
    public TimeSpan BackfillWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Public base URL used in links of the Atom feeds (defaults to the request's own).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Labels files (JSON lines, see docs/RELEVANCE.md) whose examples join users' feedback when
    /// <c>GET /api/topics/{id}/suggestions</c> measures proposed query edits.
    /// </summary>
    public List<string> RelevanceLabelFiles { get; set; } = [];
}

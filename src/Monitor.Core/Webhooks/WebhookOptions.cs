namespace NewsMonitor.Webhooks;

/// <summary>Settings for sending webhooks and verifying subscription URLs (configuration section <c>Monitor:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Monitor:Webhooks";

    /// <summary>
    /// The documented ladder (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) with four more steps in the first minutes:
    /// most receiver outages are restarts and deploys, and an analyst waiting on an alert should not wait five
    /// minutes for a receiver that came back after twenty seconds. Twelve attempts over about 28 hours.
    /// </summary>
    public const string DefaultRetryDelays = "0,5s,15s,30s,1m,2m,5m,30m,2h,5h,10h,10h";

    /// <summary>Lets webhooks reach loopback and private addresses: local development and tests only.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Refuses plain-http subscription URLs. On by default (and in Azure); the local host turns it off.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>How long one attempt (connect, send, answer) may take; the spec recommends 15 to 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The delay before each attempt, comma-separated: <c>0</c>, a number with a unit (<c>ms</c>, <c>s</c>, <c>m</c>,
    /// <c>h</c>, <c>d</c>) or a TimeSpan (<c>00:05:00</c>). Its length is the number of attempts. A string, so that a
    /// single setting such as <c>Monitor__Webhooks__RetryDelays=0,1s,2s</c> gives a short schedule for tests and local runs.
    /// </summary>
    public string RetryDelays { get; set; } = DefaultRetryDelays;

    /// <summary>The longest wait a receiver's <c>Retry-After</c> can ask for; beyond it the alert would go stale.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(24);
}

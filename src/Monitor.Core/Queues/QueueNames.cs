namespace NewsMonitor.Queues;

/// <summary>
/// The queues the service uses, by name. Azure queue names: 3–63 lowercase letters, digits and single hyphens.
/// The Functions app's queue triggers bind to these same names.
/// </summary>
public static class QueueNames
{
    /// <summary>One message per planned webhook delivery (subscription × story); read by DeliverAlert.</summary>
    public const string AlertDeliveries = "alert-deliveries";

    /// <summary>One message per feed to poll, so a cycle's feeds are fetched independently.</summary>
    public const string FeedPolls = "feed-polls";

    /// <summary>Every queue above, for creating them all up front.</summary>
    public static IReadOnlyList<string> All { get; } = [AlertDeliveries, FeedPolls];
}

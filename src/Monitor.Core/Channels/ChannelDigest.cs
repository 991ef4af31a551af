namespace NewsMonitor.Channels;

/// <summary>What a digest message says about itself: why the alerts were held and the period they cover.</summary>
/// <param name="Heading">e.g. "NewsMonitor digest: 7 stories".</param>
public sealed record ChannelDigest(string Heading, IReadOnlyList<ChannelAlert> Alerts)
{
    public static ChannelDigest For(IReadOnlyList<ChannelAlert> alerts, string why) =>
        new($"NewsMonitor digest: {alerts.Count} {(alerts.Count == 1 ? "story" : "stories")} ({why})", alerts);
}

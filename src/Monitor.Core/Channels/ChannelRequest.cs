namespace NewsMonitor.Channels;

/// <summary>The channel part of a subscribe request, checked: where to send and when; or why it cannot be used.</summary>
public sealed record ChannelRequest(SubscriptionChannel Channel, string Url, DeliveryPreferences? Preferences);

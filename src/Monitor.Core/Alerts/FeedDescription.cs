namespace NewsMonitor.Alerts;

/// <summary>What an alert tells about a feed besides its URL: its name and the language of its items, where known.</summary>
public sealed record FeedDescription(string? Name, string? Language);

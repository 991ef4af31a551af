namespace NewsMonitor.Alerts;

/// <summary>One of the topics a story matched, with the sentence saying why.</summary>
public sealed record AlertTopicMatch(string Id, string Name, string Why);

namespace NewsMonitor.Alerts;

/// <summary>The topic an alert is about.</summary>
public sealed record AlertTopic(string Id, string Name);

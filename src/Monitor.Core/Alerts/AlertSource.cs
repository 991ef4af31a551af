namespace NewsMonitor.Alerts;

/// <summary>A feed that carried the story, with its name where the feed list gives one.</summary>
public sealed record AlertSource(string Url, string? Name);

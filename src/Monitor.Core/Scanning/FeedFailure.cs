namespace NewsMonitor.Scanning;

/// <summary>A feed that could not be read, with the reason in one line.</summary>
public sealed record FeedFailure(string Source, string Reason);

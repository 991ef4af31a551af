namespace NewsMonitor.Feeds;

/// <summary>A feed document could not be parsed; <see cref="Exception.Message"/> says why, for the per-feed error.</summary>
public sealed class FeedParseException(string message, Exception? inner = null) : Exception(message, inner);

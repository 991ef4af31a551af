namespace NewsMonitor.Topics;

/// <summary>A topics file that cannot be used; the message names the source, the topic and the reason.</summary>
public sealed class TopicsFileException : Exception
{
    public TopicsFileException(string message, string? topicId = null, Exception? inner = null)
        : base(message, inner) => TopicId = topicId;

    /// <summary>The id of the offending topic, when it has one.</summary>
    public string? TopicId { get; }
}

using System.Text;

namespace NewsMonitor.Pipeline;

/// <summary>
/// The body of a <c>feed-polls</c> message: the sources of up to <see cref="MaxSources"/> due feeds, one per line (a
/// message of one feed is just its source). A cycle sends one message per batch, so the queue's send, receive and
/// delete are paid once per batch, not per feed — most of what an unchanged feed would otherwise cost.
/// </summary>
public static class FeedPollMessages
{
    public const int MaxSources = 32;

    /// <summary>Bytes of sources per message at most, well under the queue's 48 KiB (one longer source goes alone).</summary>
    public const int MaxBytes = 24 * 1024;

    public static IEnumerable<string> Batch(IEnumerable<string> sources)
    {
        var batch = new List<string>(MaxSources);
        var bytes = 0;
        foreach (var source in sources)
        {
            var size = Encoding.UTF8.GetByteCount(source) + 1;
            if (batch.Count > 0 && (batch.Count == MaxSources || bytes + size > MaxBytes))
            {
                yield return string.Join('\n', batch);
                batch.Clear();
                bytes = 0;
            }
            batch.Add(source);
            bytes += size;
        }
        if (batch.Count > 0) yield return string.Join('\n', batch);
    }

    /// <summary>The sources of a message; blank lines are ignored (a source never contains a line break).</summary>
    public static IReadOnlyList<string> Sources(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

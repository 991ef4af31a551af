using System.Runtime.CompilerServices;
using NewsMonitor.Storage;

namespace NewsMonitor.Relevance;

/// <summary>Users' verdicts on matches, one blob per match: <c>feedback/{topicId}/{storyKey}.json</c>, stored like everything else.</summary>
public sealed class FeedbackStore(JsonBlobs blobs)
{
    public const string Prefix = "feedback/";

    private static string BlobName(string topicId, string storyKey) => $"{Prefix}{topicId}/{storyKey}.json";

    /// <summary>Stores the verdict, replacing an earlier one on the same match.</summary>
    public Task PutAsync(string storyKey, MatchFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return blobs.PutAsync(BlobName(feedback.TopicId, storyKey), feedback, cancellationToken);
    }

    /// <summary>Every verdict on a topic's matches.</summary>
    public async IAsyncEnumerable<MatchFeedback> ListAsync(string topicId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var name in blobs.Store.ListAsync($"{Prefix}{topicId}/", cancellationToken).ConfigureAwait(false))
        {
            if ((await blobs.GetAsync<MatchFeedback>(name, cancellationToken).ConfigureAwait(false))?.Value is { } feedback)
                yield return feedback;
        }
    }
}

using NewsMonitor.Storage;

namespace NewsMonitor.Channels.Digests;

/// <summary>
/// The single alerts a subscription was sent in the last hour (<c>send-rates/{subscription}.json</c>), for its
/// <see cref="DeliveryPreferences.MaxAlertsPerHour"/>. A slot is taken with a conditional write before sending, so
/// two instances cannot both take the last one.
/// </summary>
public sealed class SendRateStore(JsonBlobs blobs)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Takes one of <paramref name="perHour"/> slots; false when all are used.</summary>
    public async Task<bool> TryTakeAsync(string subscriptionId, int perHour, DateTimeOffset now, CancellationToken cancellationToken) =>
        await blobs.TryUpdateAsync<SendRate>($"send-rates/{subscriptionId}.json", rate =>
        {
            var recent = (rate?.SentAt ?? []).Where(t => now - t < Window).ToList();
            if (recent.Count >= perHour) return null;
            recent.Add(now);
            return new SendRate(recent);
        }, cancellationToken).ConfigureAwait(false) is not null;

    private sealed record SendRate(IReadOnlyList<DateTimeOffset> SentAt);
}

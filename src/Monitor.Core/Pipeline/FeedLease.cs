using Microsoft.Extensions.Logging;

namespace NewsMonitor.Pipeline;

/// <summary>
/// A held lease on one feed while it is polled. It is renewed every third of its length, so a poll longer than
/// the lease keeps it and no second poll starts beside it; if a renewal finds the lease taken over (or cannot
/// renew before it runs out), <see cref="Lost"/> is cancelled so the poll stops instead of racing the new holder.
/// Disposing without <see cref="ReleaseAsync"/> (the poll failed) frees the feed for the next cycle.
/// </summary>
public sealed class FeedLease : IAsyncDisposable
{
    private readonly FeedRecordStore _feeds;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _duration;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewing;
    private bool _released;

    internal FeedLease(FeedRecordStore feeds, TimeProvider time, ILogger logger, FeedRecord record, TimeSpan duration)
    {
        _feeds = feeds;
        _time = time;
        _logger = logger;
        _duration = duration;
        Record = record;
        _renewing = RenewAsync(record.LeasedUntil!.Value);
    }

    /// <summary>The feed's record as leased.</summary>
    public FeedRecord Record { get; }

    public string Source => Record.Source;

    /// <summary>Cancelled when the lease was lost: another worker may poll the feed now.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Saves what the poll found and frees the feed, only if this lease still holds it.</summary>
    /// <returns>False when the lease was lost (or the feed removed) and nothing was saved.</returns>
    public async Task<bool> ReleaseAsync(Func<FeedRecord, FeedRecord> finish, CancellationToken cancellationToken)
    {
        await StopRenewingAsync().ConfigureAwait(false);
        var saved = await _feeds.UpdateAsync(Source, r => r is not null && r.LeaseId == Record.LeaseId
            ? finish(r) with { LeasedUntil = null, LeaseId = null }
            : null, cancellationToken).ConfigureAwait(false);
        _released = true;
        if (saved is null) _logger.LogWarning("Feed {Feed}: the lease was lost during the poll; its results were not saved and the feed is polled again", Source);
        return saved is not null;
    }

    private async Task RenewAsync(DateTimeOffset leasedUntil)
    {
        var every = _duration / 3;
        while (true)
        {
            try
            {
                await Task.Delay(every, _time, _stopRenewing.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = _time.GetUtcNow();
            try
            {
                var renewed = await _feeds.UpdateAsync(Source, r => r is not null && r.LeaseId == Record.LeaseId
                    ? r with { LeasedUntil = now + _duration }
                    : null, _stopRenewing.Token).ConfigureAwait(false);
                if (renewed is null)
                {
                    _logger.LogWarning("Feed {Feed}: the lease was taken over during the poll; stopping this poll", Source);
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
                leasedUntil = renewed.LeasedUntil!.Value;
            }
            catch (OperationCanceledException) when (_stopRenewing.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Storage hiccup: try again at the next beat, unless the lease has run out meanwhile.
                _logger.LogWarning(e, "Feed {Feed}: renewing the lease failed", Source);
                if (_time.GetUtcNow() >= leasedUntil)
                {
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
    }

    private async Task StopRenewingAsync()
    {
        if (!_stopRenewing.IsCancellationRequested) await _stopRenewing.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync().ConfigureAwait(false);
        if (!_released)
        {
            try
            {
                // The poll failed: free the feed now rather than when the lease runs out.
                await _feeds.UpdateAsync(Source, r => r is not null && r.LeaseId == Record.LeaseId
                    ? r with { LeasedUntil = null, LeaseId = null }
                    : null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Feed {Feed}: freeing the lease after a failed poll failed; it runs out by itself", Source);
            }
        }
        _lost.Dispose();
        _stopRenewing.Dispose();
    }
}

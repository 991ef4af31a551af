using System.Collections.Concurrent;

namespace NewsMonitor.Feeds;

/// <summary>
/// Caps the requests in flight to one host (name and port), so a scan of many feeds from one publisher
/// stays polite however much parallelism the caller asks for.
/// </summary>
public sealed class HostConcurrencyLimiter(int maxConcurrentPerHost)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<IDisposable> AcquireAsync(Uri url, CancellationToken cancellationToken)
    {
        var gate = _hosts.GetOrAdd($"{url.IdnHost}:{url.Port}", _ => new SemaphoreSlim(maxConcurrentPerHost, maxConcurrentPerHost));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}

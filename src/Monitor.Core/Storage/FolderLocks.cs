namespace NewsMonitor.Storage;

/// <summary>
/// Mutual exclusion for the writers of one folder, both inside this process and across processes.
/// Keys hash onto a fixed set of stripes: each stripe is an in-process semaphore (so threads queue without polling)
/// plus a lock file held open with <see cref="FileShare.None"/> (an OS file lock, so other processes are excluded).
/// Lock files are never deleted: deleting a lock file while another process waits on it would let two holders in.
/// </summary>
internal sealed class FolderLocks
{
    private const int StripeCount = 64;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly string directory;
    private readonly SemaphoreSlim[] gates;

    public FolderLocks(string directory)
    {
        this.directory = directory;
        gates = new SemaphoreSlim[StripeCount];
        for (var i = 0; i < gates.Length; i++)
        {
            gates[i] = new SemaphoreSlim(1, 1);
        }
    }

    /// <summary>Waits until this process holds the lock for <paramref name="key"/>; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var stripe = StableStripe(key);
        var gate = gates[stripe];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var file = await OpenLockFileAsync(Path.Combine(directory, $"{stripe:D2}.lock"), cancellationToken).ConfigureAwait(false);
            return new HeldLock(gate, file);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    // string.GetHashCode is randomised per process, and every process must pick the same stripe for a key: FNV-1a.
    private static int StableStripe(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % StripeCount);
    }

    private static readonly FileStreamOptions LockFileOptions = OperatingSystem.IsWindows()
        ? new() { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None }
        : new() { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, UnixCreateMode = FolderHygiene.PrivateFile };

    private static async Task<FileStream> OpenLockFileAsync(string path, CancellationToken cancellationToken)
    {
        FolderHygiene.CreatePrivateDirectory(Path.GetDirectoryName(path)!);
        var started = Environment.TickCount64;
        var backoff = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            try
            {
                return new FileStream(path, LockFileOptions);
            }
            catch (IOException) when (Environment.TickCount64 - started < GiveUpAfter.TotalMilliseconds)
            {
                // Another process holds this stripe. The OS offers no portable async wait on a file lock,
                // so poll with a short, growing back-off; holders keep the lock for a single small file write.
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 50));
            }
        }
    }

    private sealed class HeldLock(SemaphoreSlim gate, FileStream file) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                file.Dispose();
                gate.Release();
            }
        }
    }
}

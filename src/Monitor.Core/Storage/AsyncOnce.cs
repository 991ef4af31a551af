namespace NewsMonitor.Storage;

/// <summary>
/// Runs an async setup step (creating a container or a queue) once, on first need. A failed attempt is not
/// remembered, so the next caller tries again — the emulator or the network may simply not have been ready.
/// </summary>
internal sealed class AsyncOnce(Func<CancellationToken, Task> step)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool done;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (done)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!done)
            {
                await step(cancellationToken).ConfigureAwait(false);
                done = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}

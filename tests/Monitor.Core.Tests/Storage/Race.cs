namespace NewsMonitor.Tests.Storage;

/// <summary>Runs racers that all wait at one starting line, so their operations really overlap.</summary>
internal static class Race
{
    public static async Task<T[]> RunAsync<T>(int racers, Func<int, Task<T>> racer)
    {
        var startingLine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = 0;
        var allReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Enumerable.Range(0, racers).Select(i => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref ready) == racers)
            {
                allReady.SetResult();
            }

            await startingLine.Task;
            return await racer(i);
        })).ToArray();

        await allReady.Task;
        startingLine.SetResult();
        return await Task.WhenAll(runs);
    }
}

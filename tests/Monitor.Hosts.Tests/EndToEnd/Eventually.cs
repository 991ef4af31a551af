namespace NewsMonitor.Tests.EndToEnd;

/// <summary>Polls a condition until it holds or a generous deadline passes; never a fixed sleep.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> is true; throws TimeoutException naming <paramref name="what"/> and <paramref name="context"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, Func<string>? context = null, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (!await condition())
        {
            try
            {
                await Task.Delay(PollEvery, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.{(context is null ? "" : "\n" + context())}");
            }
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, Func<string>? context = null, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, context, timeout);
}

namespace NewsMonitor.Tests.Api;

/// <summary>Base of the API test classes: each test gets its own started <see cref="ApiHost"/> (xunit makes a class instance per test).</summary>
public abstract class LocalHostTests(bool withStory = false, IReadOnlyDictionary<string, string?>? settings = null, string? feed = null) : IAsyncLifetime
{
    private protected ApiHost host = null!;

    public async Task InitializeAsync()
    {
        host = await ApiHost.StartAsync(withStory, settings, feed);
        await OnStartedAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Runs once the host is up, before the test.</summary>
    private protected virtual Task OnStartedAsync() => Task.CompletedTask;
}

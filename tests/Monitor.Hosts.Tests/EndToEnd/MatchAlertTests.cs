namespace NewsMonitor.Tests.EndToEnd;

/// <summary>The main flow on the embedded folder storage that <c>monitor run --data</c> uses.</summary>
public sealed class MatchAlertTests
{
    [Fact]
    public async Task New_matching_item_is_stored_and_alerted_once_with_a_signed_cloud_event()
    {
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Unrelated);
        await using var monitor = await MainFlow.StartAsync(feed);

        await MainFlow.RunAsync(monitor, feed);
        Assert.True(Directory.EnumerateFiles(monitor.DataDirectory, "*", SearchOption.AllDirectories).Any(), "the folder storage holds the state");
    }
}

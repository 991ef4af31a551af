using System.Net;
using NewsMonitor.Tests.Cli;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// Storage that cannot be used (issue 10: a wrong account key answered 500 with an empty body): every API route answers
/// 503 with a problem saying what failed, and <c>monitor run</c> refuses to start with one clear line.
/// </summary>
public sealed class StorageFailureApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string WrongKey = "d3JvbmcgYWNjb3VudCBrZXkgd3JvbmcgYWNjb3VudCBrZXkgd3JvbmcgYWNjb3VudCBrZXkgd3Jvbmc=";

    private string WrongKeyConnectionString() =>
        string.Join(';', azurite.ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + WrongKey : part)) + ";";

    [Fact]
    public async Task A_wrong_account_key_is_a_503_problem_naming_the_refused_credentials_on_every_route()
    {
        await using var host = await ApiHost.StartAsync(withStory: true, settings: new Dictionary<string, string?>
        {
            ["Monitor:Storage:DataDirectory"] = null,
            ["Monitor:Storage:ConnectionString"] = WrongKeyConnectionString(),
            ["Monitor:Storage:ContainerName"] = AzuriteFixture.UniqueName("wrongkey"),
        });

        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => host.Client.GetAsync("api/subscriptions"),
            () => host.Client.GetAsync("api/matches"),
            () => host.Client.GetAsync("api/feeds"),
            () => host.Client.PostAsync("api/topics", ApiHost.Json("""{"id": "kunashir", "name": "Kunashir", "query": "kunashir"}""")),
            () => host.Client.PostAsync("api/subscriptions", ApiHost.Json($$"""{"url": "{{host.Receiver.Url.AbsoluteUri}}", "topics": ["shikotan"]}""")),
        };
        foreach (var request in requests)
        {
            using var response = await request();
            var problem = await Problems.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("the storage account refused the request (403", problem.GetProperty("detail").GetString());
        }
        Assert.Empty(host.Receiver.Challenges);
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_is_a_503_problem()
    {
        await using var host = await ApiHost.StartAsync();
        // Where the blobs folder should be, a file: every write fails in the file system.
        var blobs = Path.Combine(host.DataDirectory, "blobs");
        if (Directory.Exists(blobs)) Directory.Delete(blobs, recursive: true);
        await File.WriteAllTextAsync(blobs, "not a folder");

        using var response = await host.Client.PostAsync("api/topics", ApiHost.Json("""{"id": "kunashir", "name": "Kunashir", "query": "kunashir"}"""));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("data folder", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Monitor_run_with_a_wrong_key_stops_at_start_with_one_line()
    {
        var result = await CliRun.ExecutableAsync("run", "--urls", "http://127.0.0.1:0", "--storage", WrongKeyConnectionString(), "--allow-private-networks", "--feed", "http://127.0.0.1:9/x.rss");

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.ErrorLines, l => l.Contains("storage", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Cannot start: storage is not usable", line);
        Assert.Contains("the storage account refused the request (403", line);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("is running", result.Output);
    }

    [Fact]
    public async Task Monitor_run_with_storage_down_stops_at_start_with_one_line()
    {
        var closed = AzuriteFixture.ConnectionStringFor("http://127.0.0.1:9", "http://127.0.0.1:9");

        var result = await CliRun.ExecutableAsync("run", "--urls", "http://127.0.0.1:0", "--storage", closed, "--allow-private-networks", "--feed", "http://127.0.0.1:9/x.rss");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Cannot start: storage is not usable: the storage service could not be reached", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsMonitor.Testing;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>The real <c>monitor run</c> process: it polls, matches and alerts, and stops cleanly (exit 0) on SIGINT and SIGTERM.</summary>
public sealed partial class MonitorExecutableTests
{
    private static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("INT")] // Ctrl+C
    [InlineData("TERM")] // docker stop, systemd, Kubernetes
    public async Task Monitor_run_alerts_a_subscriber_and_exits_zero_on_a_stop_signal(string signal)
    {
        await using var feeds = await FeedServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var feed = new NewsFeed("World news");
        feed.Add(MainFlow.Unrelated);
        var feedUrl = feeds.Serve(MainFlow.FeedPath, feed.Serve);
        var data = MonitorSettings.NewDataDirectory();
        using var monitor = StartMonitor(data, feedUrl);
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (ApiAddress().Match(line) is { Success: true } found) listening.TrySetResult(new Uri(found.Groups["url"].Value.TrimEnd('/') + "/"));
        }
        monitor.OutputDataReceived += (_, e) => OnLine(e.Data);
        monitor.ErrorDataReceived += (_, e) => OnLine(e.Data);
        monitor.BeginOutputReadLine();
        monitor.BeginErrorReadLine();
        string Output() { lock (output) return output.ToString(); }

        try
        {
            var api = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("x-functions-key", LocalMonitor.ApiKey);
            using (var anonymous = await new HttpClient().GetAsync(new Uri(api, "api/subscriptions")))
                Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
            using var created = await client.PostAsJsonAsync("api/subscriptions", new { url = receiver.Url.AbsoluteUri, topics = new[] { "shikotan" } });
            var subscription = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("active", subscription.GetProperty("status").GetString());

            feed.Add(MainFlow.Matching);
            var alert = SignedAlerts.Verify(Assert.Single(await receiver.WaitForDeliveriesAsync(1, TimeSpan.FromSeconds(60))),
                subscription.GetProperty("secret").GetString()!);
            Assert.Equal(MainFlow.Matching.Title, alert.GetProperty("data").GetProperty("item").GetProperty("title").GetString());

            using (var kill = Process.Start("kill", ["-" + signal, monitor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var deadline = new CancellationTokenSource(ExitDeadline);
            try
            {
                await monitor.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"monitor run did not exit within {ExitDeadline.TotalSeconds} s of SIG{signal}. Output:\n{Output()}");
            }
            Assert.True(monitor.ExitCode == 0, $"monitor run exited {monitor.ExitCode}. Output:\n{Output()}");
            // A clean stop logs no errors (a poll or delivery cut off by the shutdown is not one).
            Assert.DoesNotContain(Output().Split('\n'), line => line.Contains(" fail: ", StringComparison.Ordinal) || line.Contains(" crit: ", StringComparison.Ordinal)
                || line.Contains("Unhandled exception", StringComparison.Ordinal));
        }
        finally
        {
            if (!monitor.HasExited) monitor.Kill(entireProcessTree: true);
            MonitorSettings.DeleteDataDirectory(data);
        }
    }

    private static Process StartMonitor(string data, Uri feed)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = data,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            MonitorDll(), "run", "--urls", "http://127.0.0.1:0", "--data", data, "--feed", feed.AbsoluteUri,
            "--schedule", "*/2 * * * * *", "--allow-private-networks",
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Monitor__ApiKey"] = LocalMonitor.ApiKey;
        start.Environment["Monitor__Webhooks__RetryDelays"] = "0,1s,1s";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    /// <summary>monitor.dll: copied beside the test assembly (the project references Monitor.Cli), else its own build output.</summary>
    private static string MonitorDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "monitor.dll");
        if (File.Exists(beside)) return beside;
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", "Monitor.Cli")))
            directory = directory.Parent;
        var built = directory is null ? [] : Directory.GetFiles(Path.Combine(directory.FullName, "src", "Monitor.Cli", "bin"), "monitor.dll", SearchOption.AllDirectories);
        return built.OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException("monitor.dll was not found beside the tests or under src/Monitor.Cli/bin; build Monitor.Cli.");
    }

    [GeneratedRegex(@"API on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ApiAddress();
}

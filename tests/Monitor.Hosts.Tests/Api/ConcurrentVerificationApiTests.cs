using NewsMonitor.Tests.EndToEnd;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// Creating a subscription challenges its URL; poll cycles that run while that challenge is unanswered must not send
/// a second one (the receiver would see two challenges for one subscription, and a slow receiver would hold up polling).
/// </summary>
public sealed class ConcurrentVerificationApiTests() : LocalHostTests(withStory: false, new Dictionary<string, string?> { ["Monitor:PollSchedule"] = "* * * * * *" })
{
    [Fact]
    public async Task Poll_cycles_during_the_creating_challenge_do_not_challenge_again()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Receiver.ChallengeGate = gate;
        var creating = host.SubscribeAsync("shikotan");
        await host.Receiver.WaitForChallengesAsync(1, ApiHost.Deadline);

        var cyclesBefore = PollCycles();
        await Eventually.UntilAsync(() => PollCycles() >= cyclesBefore + 2, "two poll cycles while the challenge is unanswered",
            () => $"{host.Receiver.Challenges.Count} challenges", ApiHost.Deadline);
        Assert.Single(host.Receiver.Challenges);

        gate.SetResult();
        var created = await creating;
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Single(host.Receiver.Challenges);
    }

    private int PollCycles() => host.Logs.Lines.Count(line => line.Contains("Poll cycle:", StringComparison.Ordinal));
}

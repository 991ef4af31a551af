using Microsoft.Extensions.Options;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class NextPollPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static NextPollPolicy Policy(int seed = 1) => new(Options.Create(new FeedReadingOptions
    {
        PollInterval = TimeSpan.FromMinutes(5),
        MaxPollInterval = TimeSpan.FromHours(4),
        MaxErrorBackoff = TimeSpan.FromHours(24),
    }), new Random(seed));

    [Fact]
    public void A_healthy_feed_waits_the_poll_interval()
    {
        Assert.Equal(Now + TimeSpan.FromMinutes(5), Policy().AfterSuccess(Now, null, null));
        Assert.Equal(Now + TimeSpan.FromMinutes(5), Policy().AfterSuccess(Now, TimeSpan.FromSeconds(30), null));
    }

    [Fact]
    public void Max_age_and_ttl_are_a_floor_with_a_cap()
    {
        Assert.Equal(Now + TimeSpan.FromHours(1), Policy().AfterSuccess(Now, TimeSpan.FromHours(1), TimeSpan.FromMinutes(30)));
        Assert.Equal(Now + TimeSpan.FromHours(2), Policy().AfterSuccess(Now, null, TimeSpan.FromHours(2)));
        Assert.Equal(Now + TimeSpan.FromHours(4), Policy().AfterSuccess(Now, TimeSpan.FromDays(7), null));
    }

    [Fact]
    public void Failures_back_off_exponentially_with_jitter_up_to_the_cap()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var policy = Policy(seed);
            Assert.InRange(policy.AfterFailure(Now, 1, null) - Now, TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(5));
            Assert.InRange(policy.AfterFailure(Now, 4, null) - Now, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40));
            Assert.InRange(policy.AfterFailure(Now, 40, null) - Now, TimeSpan.FromHours(12), TimeSpan.FromHours(24));
        }

        var spread = Enumerable.Range(0, 20).Select(seed => Policy(seed).AfterFailure(Now, 3, null)).Distinct().Count();
        Assert.True(spread > 10, "jitter should spread feeds that failed together");
    }

    [Fact]
    public void Retry_after_is_never_undercut_but_is_capped()
    {
        Assert.Equal(Now + TimeSpan.FromHours(3), Policy().AfterFailure(Now, 1, TimeSpan.FromHours(3)));
        Assert.Equal(Now + TimeSpan.FromHours(24), Policy().AfterFailure(Now, 1, TimeSpan.FromDays(365)));
        Assert.InRange(Policy().AfterFailure(Now, 1, TimeSpan.FromSeconds(1)) - Now, TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(5));
    }
}

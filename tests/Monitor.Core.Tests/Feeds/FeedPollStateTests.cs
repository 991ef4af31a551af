using System.Text.Json;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class FeedPollStateTests
{
    private static ParsedFeed FeedOf(params string[] ids) =>
        new("feed", ids.Select(id => new NewsItem { Feed = "f", Id = id, Title = "t " + id }).ToArray());

    [Fact]
    public void Only_items_not_seen_before_are_new()
    {
        var (firstNew, afterFirst) = FeedPollState.For("f").TakeNewItems(FeedOf("a", "b"));
        var (secondNew, afterSecond) = afterFirst.TakeNewItems(FeedOf("c", "a", "b"));

        Assert.Equal(["a", "b"], firstNew.Select(i => i.Id));
        Assert.Equal(["c"], secondNew.Select(i => i.Id));
        Assert.Equal(["c", "a", "b"], afterSecond.SeenItemIds);
    }

    [Fact]
    public void The_seen_set_is_bounded_but_keeps_every_id_still_in_the_document()
    {
        var state = FeedPollState.For("f");
        (_, state) = state.TakeNewItems(FeedOf("old-1", "old-2", "old-3"), capacity: 4);
        (_, state) = state.TakeNewItems(FeedOf("n1", "n2", "n3"), capacity: 4);
        var (again, bigger) = state.TakeNewItems(FeedOf("x1", "x2", "x3", "x4", "x5", "x6"), capacity: 4);

        Assert.Equal(["n1", "n2", "n3", "old-1"], state.SeenItemIds);
        Assert.Equal(6, again.Count);
        Assert.Equal(["x1", "x2", "x3", "x4", "x5", "x6"], bigger.SeenItemIds);
        Assert.Empty(bigger.TakeNewItems(FeedOf("x1", "x2", "x3", "x4", "x5", "x6"), capacity: 4).NewItems);
    }

    [Fact]
    public void Duplicate_ids_within_one_document_count_once()
    {
        var (newItems, state) = FeedPollState.For("f").TakeNewItems(FeedOf("a", "a", "b"));

        Assert.Equal(["a", "b"], newItems.Select(i => i.Id));
        Assert.Equal(["a", "b"], state.SeenItemIds);
    }

    [Fact]
    public void The_state_round_trips_through_system_text_json()
    {
        var state = new FeedPollState
        {
            Url = "https://news.example/rss",
            ETag = "W/\"abc\"",
            LastModified = "Mon, 30 Nov 2026 05:00:00 GMT",
            ContentHash = "sha256:00112233445566778899aabbccddeeff",
            LastSuccessAt = new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero),
            LastErrorAt = new DateTimeOffset(2026, 11, 29, 5, 0, 0, TimeSpan.Zero),
            LastError = "HTTP 500 Internal Server Error",
            ConsecutiveFailures = 0,
            NextPollAt = new DateTimeOffset(2026, 11, 30, 5, 5, 0, TimeSpan.Zero),
            SeenItemIds = ["a", "b"],
        };

        var copy = JsonSerializer.Deserialize<FeedPollState>(JsonSerializer.Serialize(state))!;

        Assert.Equal(state with { SeenItemIds = copy.SeenItemIds }, copy);
        Assert.Equal(["a", "b"], copy.SeenItemIds);
    }

    [Fact]
    public void A_feed_is_due_once_its_next_poll_time_has_come()
    {
        var now = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

        Assert.True(FeedPollState.For("f").IsDue(now));
        Assert.True((FeedPollState.For("f") with { NextPollAt = now }).IsDue(now));
        Assert.False((FeedPollState.For("f") with { NextPollAt = now.AddSeconds(1) }).IsDue(now));
    }
}

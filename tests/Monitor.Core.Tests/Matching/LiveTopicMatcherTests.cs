using NewsMonitor.Feeds;
using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Matching;

public sealed class LiveTopicMatcherTests
{
    private static readonly NewsItem Item = new() { Feed = "f", Id = "1", Title = "Habomai and Shikotan" };

    [Fact]
    public void Update_swaps_in_the_new_topic_set()
    {
        var live = new LiveTopicMatcher([new Topic { Id = "habomai", Name = "H", Query = "habomai" }]);
        Assert.Equal(["habomai"], live.Match(Item).Select(m => m.TopicId));

        var before = live.Current;
        live.Update([new Topic { Id = "shikotan", Name = "S", Query = "shikotan" }]);

        Assert.NotSame(before, live.Current);
        Assert.Equal(["shikotan"], live.Match(Item).Select(m => m.TopicId));
        Assert.Equal(["habomai"], before.Match(Item).Select(m => m.TopicId)); // a matcher in use is never changed
    }

    [Fact]
    public void A_bad_update_keeps_the_current_topics()
    {
        var live = new LiveTopicMatcher([new Topic { Id = "habomai", Name = "H", Query = "habomai" }]);
        Assert.Throws<TopicsFileException>(() => live.Update([new Topic { Id = "x", Name = "X", Query = "\"open" }]));
        Assert.Equal(["habomai"], live.Match(Item).Select(m => m.TopicId));
    }

    [Fact]
    public async Task Matching_goes_on_while_updates_compile()
    {
        var live = new LiveTopicMatcher([new Topic { Id = "habomai", Name = "H", Query = "habomai" }]);
        var big = Enumerable.Range(0, 3000).Select(i => new Topic { Id = $"t{i}", Name = "T", Query = $"word{i}" })
            .Append(new Topic { Id = "habomai", Name = "H", Query = "habomai" }).ToArray();
        using var cts = new CancellationTokenSource();
        var updates = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++) await live.UpdateAsync(big, cts.Token);
        });
        var matched = 0;
        while (!updates.IsCompleted)
        {
            Assert.Contains(live.Match(Item), m => m.TopicId == "habomai");
            matched++;
        }
        await updates;
        Assert.True(matched > 0);
        Assert.Equal(3001, live.Topics.Count);
    }
}

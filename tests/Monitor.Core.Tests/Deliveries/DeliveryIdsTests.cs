using NewsMonitor.Deliveries;
using NewsMonitor.Subscriptions;

namespace NewsMonitor.Tests.Deliveries;

public class DeliveryIdsTests
{
    [Fact]
    public void The_id_of_a_subscription_and_story_is_stable_and_parses_back()
    {
        var subscription = SubscriptionIds.New();
        var id = DeliveryIds.For(subscription, "0123456789abcdef0123456789abcdef");
        Assert.Equal(id, DeliveryIds.For(subscription, "0123456789abcdef0123456789abcdef"));
        Assert.True(DeliveryIds.TryParse(id, out var parsedSubscription, out var story));
        Assert.Equal(subscription, parsedSubscription);
        Assert.Equal("0123456789abcdef0123456789abcdef", story);
        Assert.True(NewsMonitor.Webhooks.WebhookSigner.IsValidId(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no_separator")]
    [InlineData("sub_0123456789abcdef0123-")]
    [InlineData("sub_nothex!!!!!!!!!!!!!!-abc")]
    [InlineData("sub_0123456789abcdef0123-../etc")]
    public void Malformed_ids_do_not_parse(string id) => Assert.False(DeliveryIds.TryParse(id, out _, out _));

    [Fact]
    public void Subscription_ids_are_random_and_valid()
    {
        var a = SubscriptionIds.New();
        var b = SubscriptionIds.New();
        Assert.NotEqual(a, b);
        Assert.True(SubscriptionIds.IsValid(a));
        Assert.False(SubscriptionIds.IsValid("sub_../../x"));
    }
}

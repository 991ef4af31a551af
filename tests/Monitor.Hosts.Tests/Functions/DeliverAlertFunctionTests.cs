using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Deliveries;
using NewsMonitor.Functions.Functions;
using NewsMonitor.Subscriptions;
using NewsMonitor.Tests.Api;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Tests.Functions;

/// <summary>
/// DeliverAlert called directly with the id PollFeed put on alert-deliveries: one attempt, a signed CloudEvent at the
/// receiver, the delivery log updated.
/// </summary>
public sealed class DeliverAlertFunctionTests : IAsyncLifetime
{
    private FunctionsApp app = null!;
    private Subscription subscription = null!;

    public async Task InitializeAsync()
    {
        app = await FunctionsApp.StartAsync();
        app.ServeFeed(StoryFeed.ShikotanAndUnrelated());
        subscription = new Subscription
        {
            Id = SubscriptionIds.New(),
            Url = app.Receiver.Url.AbsoluteUri,
            Topics = ["shikotan"],
            Status = SubscriptionStatus.Active,
            Secrets = [WebhookSecret.Generate().Reveal()],
            CreatedAt = DateTimeOffset.UtcNow,
            VerifiedAt = DateTimeOffset.UtcNow,
        };
        Assert.True(await app.Services.GetRequiredService<SubscriptionStore>().TryCreateAsync(subscription, CancellationToken.None));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task DeliverAlertSendsTheSignedCloudEventOfThePlannedDelivery()
    {
        await app.Activate<PollFeed>().Run(app.FeedUrl.AbsoluteUri, CancellationToken.None);
        var deliveryId = await FunctionsApp.TakeSingleMessageAsync(app.Queues.Deliveries);

        var status = await app.Activate<DeliverAlert>().Run(deliveryId, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, status);
        var request = Assert.Single(await app.Receiver.WaitForDeliveriesAsync(1));
        Assert.Null(StandardWebhooksVerifier.Check(subscription.Secrets[0], request, DateTimeOffset.UtcNow));
        Assert.Equal(deliveryId, request.Header("webhook-id"));
        using var cloudEvent = JsonDocument.Parse(request.Body);
        Assert.Equal("1.0", cloudEvent.RootElement.GetProperty("specversion").GetString());
        Assert.Equal("newsmonitor.match", cloudEvent.RootElement.GetProperty("type").GetString());
        Assert.Equal(deliveryId, cloudEvent.RootElement.GetProperty("id").GetString());
        Assert.Equal(StoryFeed.ShikotanTitle, cloudEvent.RootElement.GetProperty("data").GetProperty("item").GetProperty("title").GetString());

        var logged = await app.Services.GetRequiredService<DeliveryStore>().GetAsync(deliveryId, CancellationToken.None);
        Assert.Equal(DeliveryStatus.Delivered, logged!.Status);
        Assert.Equal(200, Assert.Single(logged.Attempts).StatusCode);
    }

    [Fact]
    public async Task ASecondMessageForADeliveredAlertSendsNothing()
    {
        await app.Activate<PollFeed>().Run(app.FeedUrl.AbsoluteUri, CancellationToken.None);
        var deliveryId = await FunctionsApp.TakeSingleMessageAsync(app.Queues.Deliveries);
        await app.Activate<DeliverAlert>().Run(deliveryId, CancellationToken.None);

        // Queues deliver at least once: the same message again must not reach the receiver twice.
        var again = await app.Activate<DeliverAlert>().Run(deliveryId, CancellationToken.None);

        Assert.Null(again);
        Assert.Single(app.Receiver.Requests);
    }
}

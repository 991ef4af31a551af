using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NewsMonitor.Storage;

namespace NewsMonitor.Api;

/// <summary>
/// Calls the endpoint behind a route name: the single mapping from <see cref="ApiRoutes"/> to behaviour that both
/// hosts use, so the local host and the Functions app cannot drift apart.
/// </summary>
public sealed class ApiDispatcher(
    TopicsEndpoints topics,
    SubscriptionsEndpoints subscriptions,
    DeliveriesEndpoints deliveries,
    MatchesEndpoints matches,
    FeedsEndpoints feeds,
    RelevanceEndpoints relevance,
    BacktestEndpoints backtest,
    ChannelEndpoints channels,
    ILogger<ApiDispatcher> logger)
{
    /// <summary>Runs the route; a storage failure is a 503 problem saying what failed, never an empty 500.</summary>
    public async Task<IResult> DispatchAsync(string routeName, HttpRequest request, string? id, CancellationToken cancellationToken)
    {
        try
        {
            return await RouteAsync(routeName, request, id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && StorageFailures.Describe(e) is { } what)
        {
            logger.LogError("{Method} {Path}: storage is unavailable: {What}", request.Method, request.Path, what);
            return ApiProblems.StorageUnavailable(what);
        }
    }

    private Task<IResult> RouteAsync(string routeName, HttpRequest request, string? id, CancellationToken cancellationToken) => routeName switch
    {
        "ListTopics" => topics.ListAsync(cancellationToken),
        "GetTopic" => topics.GetAsync(id!, cancellationToken),
        "CreateTopic" => topics.CreateAsync(request, cancellationToken),
        "UpdateTopic" => topics.UpdateAsync(id!, request, cancellationToken),
        "DeleteTopic" => topics.DeleteAsync(id!, request, cancellationToken),
        "TopicFeed" => matches.AtomFeedAsync(id!, request, cancellationToken),
        "ListSubscriptions" => subscriptions.ListAsync(cancellationToken),
        "CreateSubscription" => subscriptions.CreateAsync(request, cancellationToken),
        "GetSubscription" => subscriptions.GetAsync(id!, cancellationToken),
        "DeleteSubscription" => subscriptions.DeleteAsync(id!, cancellationToken),
        "TestSubscription" => subscriptions.TestAsync(id!, cancellationToken),
        "RotateSubscriptionSecret" => subscriptions.RotateSecretAsync(id!, cancellationToken),
        "ListDeliveries" => subscriptions.ListDeliveriesAsync(id!, cancellationToken),
        "ReplayDelivery" => deliveries.ReplayAsync(id!, cancellationToken),
        "VerifySubscription" => channels.VerifyAsync(id!, request, cancellationToken),
        "ConfirmSubscription" => channels.ConfirmAsync(request, cancellationToken),
        "UnsubscribePage" => channels.UnsubscribePageAsync(request, cancellationToken),
        "Unsubscribe" => channels.UnsubscribeAsync(request, cancellationToken),
        "ListMatches" => matches.ListAsync(request, cancellationToken),
        "ListFeeds" => feeds.ListAsync(cancellationToken),
        "MatchFeedback" => relevance.FeedbackAsync(id!, request, cancellationToken),
        "TopicSuggestions" => relevance.SuggestionsAsync(id!, cancellationToken),
        "BacktestTopic" => backtest.RunAsync(request, cancellationToken),
        "CreateFeed" => feeds.CreateAsync(request, cancellationToken),
        "GetFeed" => feeds.GetAsync(id!, cancellationToken),
        "DeleteFeed" => feeds.DeleteAsync(id!, cancellationToken),
        "PollFeedNow" => feeds.PollAsync(id!, cancellationToken),
        "OpenApiDocument" => Task.FromResult(OpenApiDocument.Result()),
        "AlertDataSchema" => Task.FromResult(Alerts.AlertDataSchema.Result()),
        _ => throw new ArgumentOutOfRangeException(nameof(routeName), routeName, "No such API route."),
    };
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Api;

namespace NewsMonitor.Functions.Functions;

/// <summary>
/// The HTTP API: one function per route of <see cref="ApiRoutes"/>, each handing the request to the same
/// <see cref="ApiDispatcher"/> the local host uses. Function keys (<c>x-functions-key</c>) guard every route but the token-signed e-mail links.
/// A test checks these routes against <see cref="ApiRoutes.All"/>.
/// </summary>
public sealed class ApiFunctions(ApiDispatcher dispatcher)
{
    [Function("ListTopics")]
    public Task<IActionResult> ListTopics([HttpTrigger(AuthorizationLevel.Function, "get", Route = "topics")] HttpRequest request) =>
        RunAsync("ListTopics", request, null);

    [Function("GetTopic")]
    public Task<IActionResult> GetTopic([HttpTrigger(AuthorizationLevel.Function, "get", Route = "topics/{id}")] HttpRequest request, string id) =>
        RunAsync("GetTopic", request, id);

    [Function("CreateTopic")]
    public Task<IActionResult> CreateTopic([HttpTrigger(AuthorizationLevel.Function, "post", Route = "topics")] HttpRequest request) =>
        RunAsync("CreateTopic", request, null);

    [Function("UpdateTopic")]
    public Task<IActionResult> UpdateTopic([HttpTrigger(AuthorizationLevel.Function, "put", Route = "topics/{id}")] HttpRequest request, string id) =>
        RunAsync("UpdateTopic", request, id);

    [Function("DeleteTopic")]
    public Task<IActionResult> DeleteTopic([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "topics/{id}")] HttpRequest request, string id) =>
        RunAsync("DeleteTopic", request, id);

    [Function("TopicFeed")]
    public Task<IActionResult> TopicFeed([HttpTrigger(AuthorizationLevel.Function, "get", Route = "topics/{id}/feed")] HttpRequest request, string id) =>
        RunAsync("TopicFeed", request, id);

    [Function("ListSubscriptions")]
    public Task<IActionResult> ListSubscriptions([HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions")] HttpRequest request) =>
        RunAsync("ListSubscriptions", request, null);

    [Function("CreateSubscription")]
    public Task<IActionResult> CreateSubscription([HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions")] HttpRequest request) =>
        RunAsync("CreateSubscription", request, null);

    [Function("GetSubscription")]
    public Task<IActionResult> GetSubscription([HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions/{id}")] HttpRequest request, string id) =>
        RunAsync("GetSubscription", request, id);

    [Function("DeleteSubscription")]
    public Task<IActionResult> DeleteSubscription([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "subscriptions/{id}")] HttpRequest request, string id) =>
        RunAsync("DeleteSubscription", request, id);

    [Function("TestSubscription")]
    public Task<IActionResult> TestSubscription([HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions/{id}/test")] HttpRequest request, string id) =>
        RunAsync("TestSubscription", request, id);

    [Function("RotateSubscriptionSecret")]
    public Task<IActionResult> RotateSubscriptionSecret([HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions/{id}/rotate-secret")] HttpRequest request, string id) =>
        RunAsync("RotateSubscriptionSecret", request, id);

    [Function("ListDeliveries")]
    public Task<IActionResult> ListDeliveries([HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions/{id}/deliveries")] HttpRequest request, string id) =>
        RunAsync("ListDeliveries", request, id);

    [Function("ReplayDelivery")]
    public Task<IActionResult> ReplayDelivery([HttpTrigger(AuthorizationLevel.Function, "post", Route = "deliveries/{id}/replay")] HttpRequest request, string id) =>
        RunAsync("ReplayDelivery", request, id);

    [Function("VerifySubscription")]
    public Task<IActionResult> VerifySubscription([HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions/{id}/verify")] HttpRequest request, string id) =>
        RunAsync("VerifySubscription", request, id);

    // The e-mail links carry a signed token instead of a function key: people click them in their mail.
    [Function("ConfirmSubscription")]
    public Task<IActionResult> ConfirmSubscription([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "confirm")] HttpRequest request) =>
        RunAsync("ConfirmSubscription", request, null);

    [Function("UnsubscribePage")]
    public Task<IActionResult> UnsubscribePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsubscribe")] HttpRequest request) =>
        RunAsync("UnsubscribePage", request, null);

    [Function("Unsubscribe")]
    public Task<IActionResult> Unsubscribe([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe")] HttpRequest request) =>
        RunAsync("Unsubscribe", request, null);

    [Function("ListMatches")]
    public Task<IActionResult> ListMatches([HttpTrigger(AuthorizationLevel.Function, "get", Route = "matches")] HttpRequest request) =>
        RunAsync("ListMatches", request, null);

    [Function("ListFeeds")]
    public Task<IActionResult> ListFeeds([HttpTrigger(AuthorizationLevel.Function, "get", Route = "feeds")] HttpRequest request) =>
        RunAsync("ListFeeds", request, null);

    [Function("BacktestTopic")]
    public Task<IActionResult> BacktestTopic([HttpTrigger(AuthorizationLevel.Function, "post", Route = "topics/backtest")] HttpRequest request) =>
        RunAsync("BacktestTopic", request, null);

    [Function("CreateFeed")]
    public Task<IActionResult> CreateFeed([HttpTrigger(AuthorizationLevel.Function, "post", Route = "feeds")] HttpRequest request) =>
        RunAsync("CreateFeed", request, null);

    [Function("GetFeed")]
    public Task<IActionResult> GetFeed([HttpTrigger(AuthorizationLevel.Function, "get", Route = "feeds/{id}")] HttpRequest request, string id) =>
        RunAsync("GetFeed", request, id);

    [Function("DeleteFeed")]
    public Task<IActionResult> DeleteFeed([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "feeds/{id}")] HttpRequest request, string id) =>
        RunAsync("DeleteFeed", request, id);

    [Function("PollFeedNow")]
    public Task<IActionResult> PollFeedNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "feeds/{id}/poll")] HttpRequest request, string id) =>
        RunAsync("PollFeedNow", request, id);

    [Function("AlertDataSchema")]
    public Task<IActionResult> AlertDataSchema([HttpTrigger(AuthorizationLevel.Function, "get", Route = "schemas/alert-data.v1.json")] HttpRequest request) =>
        RunAsync("AlertDataSchema", request, null);

    [Function("OpenApiDocument")]
    public Task<IActionResult> OpenApiDocument([HttpTrigger(AuthorizationLevel.Function, "get", Route = "openapi.json")] HttpRequest request) =>
        RunAsync("OpenApiDocument", request, null);

    private async Task<IActionResult> RunAsync(string route, HttpRequest request, string? id) =>
        new ResultActionResult(await dispatcher.DispatchAsync(route, request, id, request.HttpContext.RequestAborted).ConfigureAwait(false));
}

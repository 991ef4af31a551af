namespace NewsMonitor.Api;

/// <summary>
/// Every route of the HTTP API, in one place. The local host maps exactly these; the Functions app declares one
/// HTTP function per route, and a test checks that its functions.metadata lists the same methods and routes.
/// Routes are relative to <c>/api</c>, the Functions host's route prefix.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("ListTopics", "GET", "topics"),
        new("GetTopic", "GET", "topics/{id}"),
        new("CreateTopic", "POST", "topics"),
        new("DeleteTopic", "DELETE", "topics/{id}"),
        new("TopicFeed", "GET", "topics/{id}/feed"),
        new("ListSubscriptions", "GET", "subscriptions"),
        new("CreateSubscription", "POST", "subscriptions"),
        new("GetSubscription", "GET", "subscriptions/{id}"),
        new("DeleteSubscription", "DELETE", "subscriptions/{id}"),
        new("TestSubscription", "POST", "subscriptions/{id}/test"),
        new("RotateSubscriptionSecret", "POST", "subscriptions/{id}/rotate-secret"),
        new("ListDeliveries", "GET", "subscriptions/{id}/deliveries"),
        new("ReplayDelivery", "POST", "deliveries/{id}/replay"),
        new("ListMatches", "GET", "matches"),
        new("ListFeeds", "GET", "feeds"),
        new("MatchFeedback", "POST", "matches/{id}/feedback"),
        new("TopicSuggestions", "GET", "topics/{id}/suggestions"),
        new("OpenApiDocument", "GET", "openapi.json"),
    ];
}

/// <summary>One API route: the function name used in Azure, the HTTP method and the route below <c>/api</c>.</summary>
public sealed record ApiRoute(string Name, string Method, string Template);

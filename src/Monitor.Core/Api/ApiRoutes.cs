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
        new("UpdateTopic", "PUT", "topics/{id}"),
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
        new("VerifySubscription", "POST", "subscriptions/{id}/verify"),
        new("ConfirmSubscription", "GET", "confirm", Anonymous: true),
        new("UnsubscribePage", "GET", "unsubscribe", Anonymous: true),
        new("Unsubscribe", "POST", "unsubscribe", Anonymous: true),
        new("ListMatches", "GET", "matches"),
        new("ListFeeds", "GET", "feeds"),
        new("BacktestTopic", "POST", "topics/backtest"),
        new("CreateFeed", "POST", "feeds"),
        new("GetFeed", "GET", "feeds/{id}"),
        new("DeleteFeed", "DELETE", "feeds/{id}"),
        new("PollFeedNow", "POST", "feeds/{id}/poll"),
        new("OpenApiDocument", "GET", "openapi.json"),
        new("AlertDataSchema", "GET", "schemas/alert-data.v1.json"),
    ];

    /// <summary>The path of a created resource, for the <c>Location</c> header of a 201 answer.</summary>
    public static string Location(string collection, string id) => $"{Prefix}/{collection}/{Uri.EscapeDataString(id)}";

    /// <summary>
    /// The methods the API accepts on <paramref name="path"/> (a request path such as <c>/api/topics/x</c>), or none
    /// when no route has that shape: a request with another method is a 405, not a 404.
    /// </summary>
    public static IReadOnlyList<string> MethodsFor(string path)
    {
        if (!path.StartsWith(Prefix + "/", StringComparison.OrdinalIgnoreCase)) return [];
        var segments = path[(Prefix.Length + 1)..].TrimEnd('/').Split('/');
        return All.Where(r => Matches(r.Template.Split('/'), segments)).Select(r => r.Method).Distinct().ToArray();
    }

    private static bool Matches(string[] template, string[] segments) =>
        template.Length == segments.Length && template.Zip(segments).All(p =>
            p.First.StartsWith('{') ? p.Second.Length > 0 : string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One API route: the function name used in Azure, the HTTP method and the route below <c>/api</c>.</summary>
/// <param name="Anonymous">Needs no API key: the links in e-mails, which carry a signed token instead.</param>
public sealed record ApiRoute(string Name, string Method, string Template, bool Anonymous = false);

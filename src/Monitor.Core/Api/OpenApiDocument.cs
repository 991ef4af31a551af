using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Api;

/// <summary>
/// The OpenAPI 3.1 description served at <c>GET /api/openapi.json</c>, generated from <see cref="ApiRoutes"/> so a
/// route cannot exist without being described. Both hosts serve it; neither host's framework could describe the other's.
/// </summary>
public static class OpenApiDocument
{
    private static readonly Lazy<string> Json = new(() => Build().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    public static IResult Result() => Results.Text(Json.Value, "application/json; charset=utf-8");

    private static readonly Dictionary<string, (string Summary, string? RequestSchema, string ResponseSchema, int Status)> Operations = new()
    {
        ["ListTopics"] = ("List all topics: those of the topics file and custom ones.", null, "TopicList", 200),
        ["GetTopic"] = ("Read one topic.", null, "Topic", 200),
        ["CreateTopic"] = ("Create a custom topic; 400 with the position of a query error.", "CreateTopic", "Topic", 201),
        ["DeleteTopic"] = ("Delete a custom topic (topics of the file cannot be deleted).", null, "Empty", 204),
        ["TopicFeed"] = ("The topic's recent matches as an Atom feed.", null, "Atom", 200),
        ["ListSubscriptions"] = ("List subscriptions (never with secrets).", null, "SubscriptionList", 200),
        ["CreateSubscription"] = ("Subscribe a webhook URL to topics. Answers with the signing secret, shown only here; status is 'pending' until the URL echoes GET ?challenge=.", "CreateSubscription", "Subscription", 201),
        ["GetSubscription"] = ("Read one subscription (without its secret).", null, "Subscription", 200),
        ["DeleteSubscription"] = ("Delete a subscription; its pending alerts are cancelled.", null, "Empty", 204),
        ["TestSubscription"] = ("Send a signed newsmonitor.test event now and report the attempt.", null, "DeliveryAttempt", 200),
        ["RotateSubscriptionSecret"] = ("Issue a new secret; the previous one keeps signing for 24 hours.", null, "Subscription", 200),
        ["ListDeliveries"] = ("The subscription's delivery log: every alert and every attempt.", null, "DeliveryList", 200),
        ["ReplayDelivery"] = ("Send a finished (dead-lettered, delivered or cancelled) alert again, with the same webhook-id.", null, "Delivery", 202),
        ["ListMatches"] = ("Stored matches, newest first; filter by ?topic=, ?since= (ISO 8601), ?limit=.", null, "MatchList", 200),
        ["ListFeeds"] = ("Feed health: last success, last error and its reason, consecutive failures, next poll.", null, "FeedList", 200),
        ["OpenApiDocument"] = ("This document.", null, "Object", 200),
    };

    private static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var route in ApiRoutes.All)
        {
            var (summary, request, response, status) = Operations[route.Name];
            var path = $"{ApiRoutes.Prefix}/{route.Template}";
            if (paths[path] is not JsonObject item) paths[path] = item = new JsonObject();
            var operation = new JsonObject
            {
                ["operationId"] = route.Name,
                ["summary"] = summary,
                ["responses"] = new JsonObject
                {
                    [status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Response(response),
                    ["4XX"] = new JsonObject
                    {
                        ["description"] = "RFC 9457 problem details saying what to change.",
                        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("Problem") } },
                    },
                },
            };
            if (route.Template.Contains("{id}", StringComparison.Ordinal))
                operation["parameters"] = new JsonArray(new JsonObject { ["name"] = "id", ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
            if (request is not null)
                operation["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(request) } },
                };
            item[route.Method.ToLowerInvariant()] = operation;
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "NewsMonitor API",
                ["version"] = "1.0",
                ["description"] = "Topics, subscriptions, delivery logs and matches of a NewsMonitor service. Send the API key in x-functions-key.",
            },
            ["security"] = new JsonArray(new JsonObject { ["functionKey"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["functionKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = ApiKeyGate.HeaderName },
                },
                ["schemas"] = Schemas(),
            },
        };
    }

    private static JsonObject Response(string schema) => schema switch
    {
        "Empty" => new JsonObject { ["description"] = "Done." },
        "Atom" => new JsonObject { ["description"] = "Atom 1.0 feed.", ["content"] = new JsonObject { ["application/atom+xml"] = new JsonObject() } },
        _ => new JsonObject { ["description"] = "OK.", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(schema) } } },
    };

    private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

    private static JsonObject Object(params (string Name, string Type, bool Required)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, type, _) in properties)
            props[name] = type.StartsWith('#') ? Ref(type[1..]) : type.EndsWith("[]", StringComparison.Ordinal)
                ? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = type[..^2] } }
                : new JsonObject { ["type"] = type };
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = props,
            ["required"] = new JsonArray(properties.Where(p => p.Required).Select(p => (JsonNode)JsonValue.Create(p.Name)).ToArray()),
        };
    }

    private static JsonObject ListOf(string item) => new() { ["type"] = "array", ["items"] = Ref(item) };

    private static JsonObject Schemas()
    {
        var createTopic = Object(("id", "string", true), ("name", "string", true), ("query", "string", true), ("description", "string", false), ("languages", "string[]", false));
        createTopic["additionalProperties"] = false;
        var createSubscription = Object(("url", "string", true), ("topics", "string[]", true));
        createSubscription["additionalProperties"] = false;
        return new JsonObject
        {
            ["Object"] = new JsonObject { ["type"] = "object" },
            ["Problem"] = Object(("type", "string", false), ("title", "string", true), ("status", "integer", true), ("detail", "string", false)),
            ["CreateTopic"] = createTopic,
            ["Topic"] = Object(("id", "string", true), ("name", "string", true), ("query", "string", true), ("description", "string", false), ("languages", "string[]", false), ("source", "string", true)),
            ["TopicList"] = ListOf("Topic"),
            ["CreateSubscription"] = createSubscription,
            ["Subscription"] = Object(("id", "string", true), ("url", "string", true), ("topics", "string[]", true), ("status", "string", true),
                ("statusReason", "string", false), ("createdAt", "string", true), ("verifiedAt", "string", false), ("secret", "string", false),
                ("previousSecretExpiresAt", "string", false)),
            ["SubscriptionList"] = ListOf("Subscription"),
            ["DeliveryAttempt"] = Object(("at", "string", true), ("statusCode", "integer", false), ("latencyMs", "number", true), ("outcome", "string", true), ("error", "string", false)),
            ["Delivery"] = Object(("id", "string", true), ("subscriptionId", "string", true), ("topicId", "string", true), ("status", "string", true),
                ("createdAt", "string", true), ("nextAttemptAt", "string", false), ("replays", "integer", true), ("attempts", "#DeliveryAttemptList", true)),
            ["DeliveryAttemptList"] = ListOf("DeliveryAttempt"),
            ["DeliveryList"] = ListOf("Delivery"),
            ["Match"] = Object(("topic", "string", true), ("topicName", "string", true), ("storyKey", "string", true), ("item", "object", true),
                ("terms", "string[]", true), ("hits", "#HitList", true), ("snippet", "string", true), ("sources", "string[]", true), ("matchedAt", "string", true)),
            ["Hit"] = Object(("term", "string", true), ("field", "string", true)),
            ["HitList"] = ListOf("Hit"),
            ["MatchList"] = ListOf("Match"),
            ["Feed"] = Object(("source", "string", true), ("title", "string", false), ("url", "string", false), ("lastSuccessAt", "string", false),
                ("lastErrorAt", "string", false), ("lastError", "string", false), ("consecutiveFailures", "integer", true), ("nextPollAt", "string", false),
                ("itemsSeen", "integer", true), ("matchesFound", "integer", true), ("leasedUntil", "string", false)),
            ["FeedList"] = ListOf("Feed"),
        };
    }
}

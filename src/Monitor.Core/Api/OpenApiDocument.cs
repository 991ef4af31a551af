using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Api;

/// <summary>
/// The OpenAPI 3.1 description served at <c>GET /api/openapi.json</c>, generated from <see cref="ApiRoutes"/> so a
/// route cannot exist without being described. Both hosts serve it; neither host's framework could describe the other's.
/// <c>npx @redocly/cli lint</c> (recommended rules) passes on it: tests/run.sh runs it where npm can install it.
/// </summary>
public static class OpenApiDocument
{
    private static readonly Lazy<string> Json = new(() => Build().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    public static string Text => Json.Value;

    public static IResult Result() => Results.Text(Json.Value, "application/json; charset=utf-8");

    private sealed record Operation(string Tag, string Summary, string? RequestSchema, string ResponseSchema, int Status, params string[] Query);

    private static readonly Dictionary<string, Operation> Operations = new()
    {
        ["ListTopics"] = new("topics", "List all topics: those of the topics file and custom ones.", null, "TopicList", 200),
        ["GetTopic"] = new("topics", "Read one topic.", null, "Topic", 200),
        ["CreateTopic"] = new("topics", "Create a custom topic; 400 with the position of a query error.", "CreateTopic", "Topic", 201),
        ["UpdateTopic"] = new("topics", "Replace a custom topic's name and query, validated as on creation; in force for the next poll.", "UpdateTopic", "Topic", 200),
        ["DeleteTopic"] = new("topics", "Delete a custom topic; 409 naming the subscriptions that follow it unless ?force=true.", null, "Empty", 204, "force"),
        ["TopicFeed"] = new("topics", "The topic's recent matches as an Atom feed. Feed readers cannot send headers: give the key as ?code=.", null, "Atom", 200),
        ["ListSubscriptions"] = new("subscriptions", "List subscriptions (never with secrets).", null, "SubscriptionList", 200),
        ["CreateSubscription"] = new("subscriptions", "Subscribe a webhook URL to topics. Answers with the signing secret, shown only here; status is 'pending' until the URL echoes GET ?challenge=. The same URL and topics again is a 409 carrying the existing id.", "CreateSubscription", "Subscription", 201),
        ["GetSubscription"] = new("subscriptions", "Read one subscription (without its secret).", null, "Subscription", 200),
        ["DeleteSubscription"] = new("subscriptions", "Delete a subscription; its pending alerts are cancelled, its delivery log stays readable for the retention period.", null, "Empty", 204),
        ["TestSubscription"] = new("subscriptions", "Send a signed newsmonitor.test event now and report the attempt.", null, "DeliveryAttempt", 200),
        ["RotateSubscriptionSecret"] = new("subscriptions", "Issue a new secret; the previous one keeps signing for 24 hours.", null, "Subscription", 200),
        ["ListDeliveries"] = new("subscriptions", "The subscription's delivery log: every alert and every attempt.", null, "DeliveryList", 200),
        ["ReplayDelivery"] = new("deliveries", "Send a finished (dead-lettered, delivered or cancelled) alert again, with the same webhook-id.", null, "Delivery", 202),
        ["VerifySubscription"] = new("subscriptions", "Activate a pending slack, teams, discord or email subscription with the code the service sent to the channel (5 tries, then it is disabled).", "VerifySubscription", "Subscription", 200),
        ["ConfirmSubscription"] = new("channels", "The confirmation link of an e-mail subscription: a signed token, no API key.", null, "Html", 200, "token"),
        ["UnsubscribePage"] = new("channels", "The unsubscribe link of an e-mail: a page with one button that POSTs it (a GET changes nothing). Signed token, no API key.", null, "Html", 200, "token"),
        ["Unsubscribe"] = new("channels", "RFC 8058 one-click unsubscribe: disables the subscription. Signed token, no API key.", null, "Html", 200, "token"),
        ["ListMatches"] = new("matches", "Stored matches, newest first.", null, "MatchList", 200, "topic", "since", "limit"),
        ["ListFeeds"] = new("feeds", "The feed list with each feed's health: last success, last error and its reason, consecutive failures, next poll.", null, "FeedList", 200),
        ["CreateFeed"] = new("feeds", "Add a feed; the next poll cycle reads it. 400 says why a URL is refused; 409 carries the id of a feed already listed.", "CreateFeed", "Feed", 201),
        ["GetFeed"] = new("feeds", "Read one feed with its health.", null, "Feed", 200),
        ["DeleteFeed"] = new("feeds", "Take a feed off the list (a feed of the feeds file stays off after restarts).", null, "Empty", 204),
        ["PollFeedNow"] = new("feeds", "Poll the feed now, ignoring its ttl and failure backoff, and answer with what the poll found.", null, "FeedPoll", 200),
        ["BacktestTopic"] = new("topics", "What a query (or a saved topic) would have matched over the recently seen items, per day, with hits and reasons; with compareWith, the items it would newly catch or drop against that topic's saved query. 400 names the position of a query error.", "BacktestRequest", "BacktestResult", 200),
        ["MatchFeedback"] = new("relevance", "Say whether a match (id from GET /api/matches) was relevant; stored as a labelled example of its topic. The latest verdict counts.", "Feedback", "FeedbackGiven", 200),
        ["TopicSuggestions"] = new("relevance", "Query edits (exclusions, required context, synonyms) proposed from the topic's feedback and labels files, each measured on them: items gained and lost, precision and recall before and after.", null, "TopicSuggestions", 200),
        ["OpenApiDocument"] = new("meta", "This document.", null, "Object", 200),
        ["AlertDataSchema"] = new("meta", "The JSON Schema of an alert's data, version 1.", null, "Schema", 200),
    };

    private static readonly Dictionary<string, JsonObject> QueryParameters = new()
    {
        ["topic"] = Parameter("topic", "Only matches of this topic id.", new JsonObject { ["type"] = "string" }),
        ["since"] = Parameter("since", "Only matches made at or after this time (ISO 8601, e.g. 2026-11-30T00:00:00Z).", new JsonObject { ["type"] = "string", ["format"] = "date-time" }),
        ["limit"] = Parameter("limit", "At most this many matches (default 100).", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 1000, ["default"] = 100 }),
        ["token"] = Required(Parameter("token", "The signed token of the link, exactly as in the e-mail.", new JsonObject { ["type"] = "string" })),
        ["force"] = Parameter("force", "Delete the topic even though subscriptions follow it; they keep its id and get nothing for it.", new JsonObject { ["type"] = "boolean", ["default"] = false }),
    };

    private static JsonObject Required(JsonObject parameter)
    {
        parameter["required"] = true;
        return parameter;
    }

    private static JsonObject Parameter(string name, string description, JsonObject schema) =>
        new() { ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = schema };

    private static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var route in ApiRoutes.All)
        {
            var spec = Operations[route.Name];
            var path = $"{ApiRoutes.Prefix}/{route.Template}";
            if (paths[path] is not JsonObject item) paths[path] = item = new JsonObject();
            var status = spec.Status.ToString(CultureInfo.InvariantCulture);
            var success = Response(spec.ResponseSchema, spec.Status);
            var operation = new JsonObject
            {
                ["operationId"] = route.Name,
                ["summary"] = spec.Summary,
                ["tags"] = new JsonArray(spec.Tag),
                ["responses"] = new JsonObject
                {
                    [status] = success,
                    ["4XX"] = new JsonObject
                    {
                        ["description"] = "RFC 9457 problem details saying what to change.",
                        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("Problem") } },
                    },
                },
            };
            var parameters = new JsonArray();
            if (route.Template.Contains("{id}", StringComparison.Ordinal))
                parameters.Add(new JsonObject
                {
                    ["name"] = "id", ["in"] = "path", ["required"] = true,
                    ["description"] = IdDescription(route.Template),
                    ["schema"] = new JsonObject { ["type"] = "string" },
                });
            foreach (var query in spec.Query) parameters.Add(QueryParameters[query].DeepClone());
            if (parameters.Count > 0) operation["parameters"] = parameters;
            if (spec.RequestSchema is not null)
                operation["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(spec.RequestSchema) } },
                };
            // The e-mail links carry a signed token instead of the API key.
            if (route.Anonymous) operation["security"] = new JsonArray();
            item[route.Method.ToLowerInvariant()] = operation;
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "NewsMonitor API",
                ["version"] = "1.0",
                ["description"] = "Feeds, topics, subscriptions, delivery logs and matches of a NewsMonitor service. Send the API key in the x-functions-key header, "
                    + "or as the code query parameter where a header cannot be sent (a feed reader reading /api/topics/{id}/feed). "
                    + "The data of the alerts sent to subscribers is described by the JSON Schema at /api/schemas/alert-data.v1.json.",
                ["license"] = new JsonObject { ["name"] = "MIT", ["identifier"] = "MIT" },
            },
            ["servers"] = new JsonArray(
                new JsonObject { ["url"] = "http://127.0.0.1:7071", ["description"] = "monitor run on this machine (its default address)" },
                new JsonObject
                {
                    ["url"] = "https://{app}.azurewebsites.net",
                    ["description"] = "The Azure Function App",
                    ["variables"] = new JsonObject { ["app"] = new JsonObject { ["default"] = "newsmonitor", ["description"] = "The Function App's name." } },
                }),
            ["security"] = new JsonArray(
                new JsonObject { ["functionKey"] = new JsonArray() },
                new JsonObject { ["functionKeyQuery"] = new JsonArray() }),
            ["tags"] = new JsonArray(
                Tag("feeds", "The feeds polled, and their health."),
                Tag("topics", "What to watch for: a name and a query."),
                Tag("subscriptions", "Webhook receivers, their topics and delivery logs."),
                Tag("deliveries", "Alerts sent to subscribers."),
                Tag("matches", "Stories that matched a topic."),
                Tag("relevance", "Feedback on matches, and query edits measured on it."),
                Tag("channels", "The links in e-mail alerts: confirmation and one-click unsubscribe."),
                Tag("meta", "Descriptions of this API and of the alerts.")),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["functionKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = ApiKeyGate.HeaderName, ["description"] = "A function key in Azure; Monitor:ApiKey for monitor run." },
                    ["functionKeyQuery"] = new JsonObject { ["type"] = "apiKey", ["in"] = "query", ["name"] = "code", ["description"] = "The same key as a query parameter, for clients that cannot send headers (feed readers)." },
                },
                ["headers"] = new JsonObject
                {
                    ["Location"] = new JsonObject { ["description"] = "The path of the created resource.", ["schema"] = new JsonObject { ["type"] = "string" } },
                },
                ["schemas"] = Schemas(),
            },
        };
    }

    private static JsonObject Tag(string name, string description) => new() { ["name"] = name, ["description"] = description };

    private static string IdDescription(string template) => template.Split('/')[0] switch
    {
        "topics" => "The topic's id.",
        "subscriptions" => "The subscription's id (sub_...).",
        "deliveries" => "The delivery's id, as in the delivery log and the alert's webhook-id.",
        "feeds" => "The feed's id (fd_...), as GET /api/feeds lists it.",
        _ => "The resource's id.",
    };

    private static JsonObject Response(string schema, int status)
    {
        var response = schema switch
        {
            "Empty" => new JsonObject { ["description"] = "Done." },
            "Html" => new JsonObject { ["description"] = "A page for people.", ["content"] = new JsonObject { ["text/html"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } } },
            "Atom" => new JsonObject { ["description"] = "Atom 1.0 feed.", ["content"] = new JsonObject { ["application/atom+xml"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } } },
            "Schema" => new JsonObject { ["description"] = "A JSON Schema.", ["content"] = new JsonObject { ["application/schema+json"] = new JsonObject { ["schema"] = Ref("Object") } } },
            _ => new JsonObject { ["description"] = "OK.", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(schema) } } },
        };
        if (status == StatusCodes.Status201Created)
            response["headers"] = new JsonObject { ["Location"] = new JsonObject { ["$ref"] = "#/components/headers/Location" } };
        return response;
    }

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

    private static JsonObject Closed(JsonObject schema)
    {
        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonObject ListOf(string item) => new() { ["type"] = "array", ["items"] = Ref(item) };

    private static JsonObject Schemas() => new()
    {
        ["Object"] = new JsonObject { ["type"] = "object" },
        ["Problem"] = Object(("type", "string", false), ("title", "string", true), ("status", "integer", true), ("detail", "string", false)),
        ["CreateTopic"] = Closed(Object(("id", "string", true), ("name", "string", true), ("query", "string", true), ("description", "string", false), ("languages", "string[]", false))),
        ["UpdateTopic"] = Closed(Object(("id", "string", false), ("name", "string", true), ("query", "string", true), ("description", "string", false), ("languages", "string[]", false))),
        ["Topic"] = Object(("id", "string", true), ("name", "string", true), ("query", "string", true), ("description", "string", false), ("languages", "string[]", false), ("source", "string", true)),
        ["TopicList"] = ListOf("Topic"),
        ["CreateSubscription"] = Closed(Object(("url", "string", true), ("topics", "string[]", true), ("channel", "string", false), ("digest", "string", false),
            ("digestAt", "string", false), ("timeZone", "string", false), ("quietHours", "string", false), ("maxAlertsPerHour", "integer", false))),
        ["VerifySubscription"] = Closed(Object(("code", "string", true))),
        ["Subscription"] = Object(("id", "string", true), ("url", "string", true), ("topics", "string[]", true), ("status", "string", true),
            ("statusReason", "string", false), ("createdAt", "string", true), ("verifiedAt", "string", false), ("secret", "string", false),
            ("previousSecretExpiresAt", "string", false), ("channel", "string", true), ("digest", "string", false), ("digestAt", "string", false),
            ("timeZone", "string", false), ("quietHours", "string", false), ("maxAlertsPerHour", "integer", false)),
        ["SubscriptionList"] = ListOf("Subscription"),
        ["DeliveryAttempt"] = Object(("at", "string", true), ("statusCode", "integer", false), ("latencyMs", "number", true), ("outcome", "string", true), ("error", "string", false)),
        ["Delivery"] = Object(("id", "string", true), ("subscriptionId", "string", true), ("topicId", "string", true), ("status", "string", true),
            ("createdAt", "string", true), ("nextAttemptAt", "string", false), ("replays", "integer", true), ("title", "string", false), ("link", "string", false),
            ("attempts", "#DeliveryAttemptList", true), ("heldFor", "string", false), ("digestStories", "integer", false), ("digestReason", "string", false)),
        ["DeliveryAttemptList"] = ListOf("DeliveryAttempt"),
        ["DeliveryList"] = ListOf("Delivery"),
        ["Feedback"] = Closed(Object(("relevant", "boolean", true), ("note", "string", false))),
        ["FeedbackGiven"] = Object(("matchId", "string", true), ("topicId", "string", true), ("relevant", "boolean", true), ("note", "string", false),
            ("title", "string", true), ("summary", "string", true), ("givenAt", "string", true)),
        ["ExampleChange"] = Object(("id", "string", true), ("title", "string", true), ("relevant", "boolean", true)),
        ["ExampleChangeList"] = ListOf("ExampleChange"),
        ["Suggestion"] = Object(("kind", "string", true), ("edit", "string", true), ("query", "string", true), ("reason", "string", true),
            ("gained", "#ExampleChangeList", true), ("lost", "#ExampleChangeList", true), ("precisionBefore", "number", true), ("recallBefore", "number", true),
            ("precisionAfter", "number", true), ("recallAfter", "number", true), ("lostRelevant", "integer", true), ("fixed", "integer", true)),
        ["SuggestionList"] = ListOf("Suggestion"),
        ["TopicSuggestions"] = Object(("topicId", "string", true), ("query", "string", true), ("examples", "integer", true), ("relevant", "integer", true), ("suggestions", "#SuggestionList", true)),
        ["Match"] = Object(("id", "string", true), ("topic", "string", true), ("topicName", "string", true), ("storyKey", "string", true), ("item", "object", true),
            ("terms", "string[]", true), ("hits", "#HitList", true), ("snippet", "string", true), ("sources", "string[]", true), ("matchedAt", "string", true)),
        ["Hit"] = Object(("term", "string", true), ("field", "string", true)),
        ["HitList"] = ListOf("Hit"),
        ["MatchList"] = ListOf("Match"),
        ["CreateFeed"] = Closed(Object(("url", "string", true), ("name", "string", false))),
        ["Feed"] = Object(("id", "string", true), ("source", "string", true), ("name", "string", false), ("language", "string", false), ("origin", "string", true),
            ("title", "string", false), ("url", "string", false), ("lastSuccessAt", "string", false),
            ("lastErrorAt", "string", false), ("lastError", "string", false), ("consecutiveFailures", "integer", true), ("nextPollAt", "string", false),
            ("itemsSeen", "integer", true), ("matchesFound", "integer", true), ("leasedUntil", "string", false)),
        ["FeedList"] = ListOf("Feed"),
        ["FeedPoll"] = Object(("newItems", "integer", true), ("matches", "integer", true), ("error", "string", false), ("feed", "#Feed", true)),
        ["BacktestRequest"] = Closed(Object(("query", "string", false), ("topicId", "string", false), ("since", "string", false), ("compareWith", "string", false))),
        ["BacktestHit"] = Object(("item", "object", true), ("seenAt", "string", true), ("terms", "string[]", true), ("hits", "#HitList", true),
            ("snippet", "string", true), ("reason", "string", true), ("change", "string", false)),
        ["BacktestHitList"] = ListOf("BacktestHit"),
        ["BacktestDay"] = Object(("date", "string", true), ("matched", "integer", true), ("items", "#BacktestHitList", true)),
        ["BacktestDayList"] = ListOf("BacktestDay"),
        ["BacktestComparison"] = Object(("topicId", "string", true), ("savedQuery", "string", true), ("kept", "integer", true),
            ("caught", "#BacktestHitList", true), ("dropped", "#BacktestHitList", true)),
        ["BacktestResult"] = Object(("query", "string", true), ("since", "string", true), ("until", "string", true), ("itemsExamined", "integer", true),
            ("matched", "integer", true), ("truncated", "boolean", true), ("days", "#BacktestDayList", true), ("comparison", "#BacktestComparison", false)),
    };
}

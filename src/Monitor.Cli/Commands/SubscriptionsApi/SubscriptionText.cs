using System.Globalization;
using System.Text.Json;

namespace NewsMonitor.Cli.Commands.SubscriptionsApi;

/// <summary>How subscriptions, deliveries and attempts read as text: what they are about first, ids after.</summary>
public static class SubscriptionText
{
    public static void Subscription(JsonElement s, TextWriter output)
    {
        var topics = string.Join(", ", s.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        output.WriteLine($"{s.Text("id")}  {s.Text("status")}  {s.Text("url")}  topics: {topics}");
        if (s.Text("statusReason") is { } reason) output.WriteLine($"    {reason}");
        if (s.Text("secret") is { } secret) output.WriteLine($"    secret: {secret}  (shown only now: keep it to verify signatures)");
    }

    public static void Delivery(JsonElement d, TextWriter output)
    {
        output.WriteLine($"{d.Text("status")}  {d.Text("title") ?? "(story no longer stored)"}");
        if (d.Text("link") is { } link) output.WriteLine($"    {link}");
        output.WriteLine($"    topic {d.Text("topicId")}, delivery {d.Text("id")}, created {Time(d, "createdAt")}");
        foreach (var attempt in d.GetProperty("attempts").EnumerateArray()) Attempt(attempt, output, "    ");
    }

    public static void Attempt(JsonElement a, TextWriter output, string indent = "")
    {
        var status = a.TryGetProperty("statusCode", out var code) && code.ValueKind == JsonValueKind.Number ? $"HTTP {code.GetInt32()}" : "no answer";
        var latency = a.TryGetProperty("latencyMs", out var ms) ? $" in {ms.GetDouble().ToString("0", CultureInfo.InvariantCulture)} ms" : "";
        output.WriteLine($"{indent}{Time(a, "at")}  {a.Text("outcome")}  {status}{latency}{(a.Text("error") is { } e ? $": {e}" : "")}");
    }

    public static string Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetDateTimeOffset().ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "-";
}

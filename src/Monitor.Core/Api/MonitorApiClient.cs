using System.Net.Http.Json;
using System.Text.Json;

namespace NewsMonitor.Api;

/// <summary>
/// A small client for a running host's API (the local host or the Function App), used by every command that
/// talks to a running host (<c>monitor subscribe</c>, <c>monitor feeds add</c>, <c>monitor topics update</c>, ...). Problem answers become <see cref="MonitorApiException"/>
/// carrying the server's own explanation.
/// </summary>
public sealed class MonitorApiClient(HttpClient http)
{
    public static MonitorApiClient Create(string baseUrl, string? apiKey)
    {
        if (!Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{baseUrl}' is not an http(s) URL of a running host.", nameof(baseUrl));
        var http = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(100) };
        if (!string.IsNullOrEmpty(apiKey)) http.DefaultRequestHeaders.Add(ApiKeyGate.HeaderName, apiKey);
        return new MonitorApiClient(http);
    }

    public Task<JsonElement> SubscribeAsync(string url, IReadOnlyList<string> topics, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/subscriptions", new { url, topics }, cancellationToken);

    /// <summary>Subscribes with a channel and delivery preferences (<c>monitor subscribe --channel slack ...</c>).</summary>
    public Task<JsonElement> SubscribeAsync(CreateSubscriptionRequest body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/subscriptions", body, cancellationToken);

    public Task<JsonElement> VerifyAsync(string subscriptionId, string code, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/subscriptions/{Uri.EscapeDataString(subscriptionId)}/verify", new VerifySubscriptionRequest { Code = code }, cancellationToken);

    public Task<JsonElement> ListSubscriptionsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/subscriptions", null, cancellationToken);

    public Task<JsonElement> ListDeliveriesAsync(string subscriptionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/subscriptions/{Uri.EscapeDataString(subscriptionId)}/deliveries", null, cancellationToken);

    public Task<JsonElement> UnsubscribeAsync(string subscriptionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"api/subscriptions/{Uri.EscapeDataString(subscriptionId)}", null, cancellationToken);

    public Task<JsonElement> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/subscriptions/{Uri.EscapeDataString(subscriptionId)}", null, cancellationToken);

    public Task<JsonElement> TestSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/subscriptions/{Uri.EscapeDataString(subscriptionId)}/test", null, cancellationToken);

    public Task<JsonElement> RotateSecretAsync(string subscriptionId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/subscriptions/{Uri.EscapeDataString(subscriptionId)}/rotate-secret", null, cancellationToken);

    public Task<JsonElement> ReplayAsync(string deliveryId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/deliveries/{Uri.EscapeDataString(deliveryId)}/replay", null, cancellationToken);

    public Task<JsonElement> ListMatchesAsync(string? topic, string? since, int? limit, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (topic is not null) query.Add("topic=" + Uri.EscapeDataString(topic));
        if (since is not null) query.Add("since=" + Uri.EscapeDataString(since));
        if (limit is not null) query.Add("limit=" + limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return SendAsync(HttpMethod.Get, "api/matches" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), null, cancellationToken);
    }

    public Task<JsonElement> ListFeedsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/feeds", null, cancellationToken);

    public Task<JsonElement> AddFeedAsync(string url, string? name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/feeds", new { url, name }, cancellationToken);

    public Task<JsonElement> RemoveFeedAsync(string feedId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"api/feeds/{Uri.EscapeDataString(feedId)}", null, cancellationToken);

    public Task<JsonElement> PollFeedAsync(string feedId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/feeds/{Uri.EscapeDataString(feedId)}/poll", null, cancellationToken);

    public Task<JsonElement> ListTopicsAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/topics", null, cancellationToken);

    public Task<JsonElement> AddTopicAsync(string id, string name, string query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/topics", new { id, name, query }, cancellationToken);

    public Task<JsonElement> UpdateTopicAsync(string id, string name, string query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"api/topics/{Uri.EscapeDataString(id)}", new { name, query }, cancellationToken);

    public Task<JsonElement> RemoveTopicAsync(string id, bool force, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"api/topics/{Uri.EscapeDataString(id)}{(force ? "?force=true" : "")}", null, cancellationToken);

    public Task<JsonElement> GiveFeedbackAsync(string matchId, bool relevant, string? note, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/matches/{Uri.EscapeDataString(matchId)}/feedback", new { relevant, note }, cancellationToken);

    public Task<JsonElement> SuggestionsAsync(string topicId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/topics/{Uri.EscapeDataString(topicId)}/suggestions", null, cancellationToken);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new MonitorApiException($"Cannot reach {http.BaseAddress}: {e.Message}. Is `monitor run` running there? Pass --api URL.", null);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var detail = TryRead(text) is { } problem && problem.TryGetProperty("detail", out var d) ? d.GetString() : text;
                throw new MonitorApiException($"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}", (int)response.StatusCode);
            }
            if (response.StatusCode == System.Net.HttpStatusCode.NoContent) return default;
            return TryRead(text) ?? throw new MonitorApiException($"The host answered {(int)response.StatusCode} with a body that is not JSON.", (int)response.StatusCode);
        }
    }

    private static JsonElement? TryRead(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

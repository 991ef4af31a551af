using System.Net.Http.Json;
using System.Text.Json;

namespace NewsMonitor.Api;

/// <summary>
/// A small client for a running host's API (the local host or the Function App), used by <c>monitor subscribe</c>,
/// <c>monitor subscriptions</c> and <c>monitor deliveries</c>. Problem answers become <see cref="MonitorApiException"/>
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

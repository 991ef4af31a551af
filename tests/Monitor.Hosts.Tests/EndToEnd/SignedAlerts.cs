using System.Text.Json;

namespace NewsMonitor.Tests.EndToEnd;

/// <summary>Checks a received alert as a subscriber would: a valid Standard Webhooks signature, and a CloudEvent whose id is the webhook-id.</summary>
public static class SignedAlerts
{
    /// <summary>Asserts the signature and the CloudEvent envelope and returns the event.</summary>
    public static JsonElement Verify(WebhookReceiverRequest request, string secret, DateTimeOffset? now = null)
    {
        Assert.Null(StandardWebhooksVerifier.Check(secret, request, now ?? DateTimeOffset.UtcNow));
        var cloudEvent = JsonDocument.Parse(request.Body).RootElement.Clone();
        Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("newsmonitor.match", cloudEvent.GetProperty("type").GetString());
        Assert.Equal(request.Header("webhook-id"), cloudEvent.GetProperty("id").GetString());
        return cloudEvent;
    }
}

/// <summary>Reading API answers, which leave null properties out.</summary>
public static class ApiJsonElements
{
    /// <summary>The property's value as text, or null when it is absent or null (or the element is no object at all).</summary>
    public static string? Optional(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
}

namespace NewsMonitor.Webhooks;

/// <summary>The three Standard Webhooks headers of one attempt, ready to be added to a request.</summary>
/// <param name="Id">webhook-id: the alert's id, stable across retries and replays (the CloudEvent id).</param>
/// <param name="Timestamp">webhook-timestamp: unix seconds of this attempt.</param>
/// <param name="Signature">webhook-signature: one <c>v1,&lt;base64&gt;</c> per secret, space-separated.</param>
public sealed record WebhookHeaders(string Id, long Timestamp, string Signature)
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
}

using System.Text;

namespace NewsMonitor.Tests;

/// <summary>One POST the <see cref="WebhookReceiver"/> received, and the status it answered with.</summary>
public sealed record WebhookReceiverRequest(
    DateTimeOffset ReceivedAt,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    int AnsweredStatus)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public bool WasDelivered => AnsweredStatus is >= 200 and <= 299;

    /// <summary>The header's value, or null; names are case-insensitive, as in HTTP.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

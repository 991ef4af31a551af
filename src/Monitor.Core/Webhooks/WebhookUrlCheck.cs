using System.Diagnostics.CodeAnalysis;

namespace NewsMonitor.Webhooks;

/// <summary>The verdict on a subscription URL: the parsed URL, or the reason it was refused.</summary>
public sealed record WebhookUrlCheck(Uri? Url, string? Reason)
{
    [MemberNotNullWhen(true, nameof(Url))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsValid => Reason is null;
}

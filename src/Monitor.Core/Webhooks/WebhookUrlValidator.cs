using Microsoft.Extensions.Options;
using NewsMonitor.Net;

namespace NewsMonitor.Webhooks;

/// <summary>
/// Checks a URL when a subscription is created, so that a bad one is refused with a reason instead of failing
/// every delivery. The address check here is advisory (DNS can change); the binding check is the connect-time
/// one in <see cref="GuardedConnection"/>.
/// </summary>
public sealed class WebhookUrlValidator(IOptions<WebhookOptions> options)
{
    public const int MaxUrlLength = 2048;

    public async Task<WebhookUrlCheck> ValidateAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
            return Refuse("The URL is required.");
        if (url.Length > MaxUrlLength)
            return Refuse($"The URL is longer than {MaxUrlLength} characters.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return Refuse("The URL is not a valid absolute URL, such as https://example.com/hooks/news.");

        var settings = options.Value;
        if (WebhookHttp.CheckShape(uri, settings.RequireHttps) is { } reason)
            return Refuse(reason);
        if (settings.AllowPrivateNetworks)
            return new WebhookUrlCheck(uri, null);

        var refusal = await HostAddressCheck.RefusalAsync(uri, "webhooks", cancellationToken).ConfigureAwait(false);
        return refusal is null ? new WebhookUrlCheck(uri, null) : Refuse(refusal);
    }

    private static WebhookUrlCheck Refuse(string reason) => new(null, reason);
}

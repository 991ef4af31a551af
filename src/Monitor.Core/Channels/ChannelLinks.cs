using Microsoft.Extensions.Options;
using NewsMonitor.Hosting;

namespace NewsMonitor.Channels;

/// <summary>
/// The absolute links e-mails carry — one-click unsubscribe and confirmation — built on <c>Monitor:PublicBaseUrl</c>
/// (the address people reach the API at, e.g. https://newsmonitor.example.com) with signed tokens.
/// </summary>
public sealed class ChannelLinks(LinkTokens tokens, IOptions<MonitorOptions> options)
{
    public const string UnsubscribePath = "api/unsubscribe";
    public const string ConfirmPath = "api/confirm";

    public bool IsConfigured => BaseUrl is not null;

    private Uri? BaseUrl =>
        Uri.TryCreate(options.Value.PublicBaseUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    public async Task<Uri> UnsubscribeAsync(string subscriptionId, CancellationToken cancellationToken) =>
        Link(UnsubscribePath, await tokens.CreateAsync(LinkTokens.Unsubscribe, subscriptionId, cancellationToken).ConfigureAwait(false));

    public async Task<Uri> ConfirmAsync(string subscriptionId, string code, CancellationToken cancellationToken) =>
        Link(ConfirmPath, await tokens.CreateAsync(LinkTokens.Confirm, $"{subscriptionId}:{VerificationCodes.Normalize(code)}", cancellationToken).ConfigureAwait(false));

    private Uri Link(string path, string token) =>
        new(BaseUrl ?? throw new InvalidOperationException("Monitor:PublicBaseUrl is not set; e-mail links need it."), $"{path}?token={Uri.EscapeDataString(token)}");
}

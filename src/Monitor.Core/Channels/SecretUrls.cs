namespace NewsMonitor.Channels;

/// <summary>
/// Chat webhook URLs carry their credential in the path (Slack's /services/T.../B.../token, Discord's
/// /api/webhooks/id/token, a Workflows URL's sig= query): shown, they can be used by anyone. Views, the CLI and logs get
/// the scheme and host and the last four characters only, enough to tell two hooks apart.
/// </summary>
public static class SecretUrls
{
    public static string Mask(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "…";
        var rest = uri.PathAndQuery.TrimEnd('/');
        var tail = rest.Length > 12 ? rest[^4..] : "";
        return $"{uri.Scheme}://{uri.Authority}/…{tail}";
    }
}

using System.Diagnostics.CodeAnalysis;

namespace NewsMonitor.Feeds;

/// <summary>Tells the two kinds of feed source apart: an http(s) URL, or a local file (a path or a file: URI).</summary>
public static class FeedSource
{
    public static bool TryGetHttpUrl(string source, [NotNullWhen(true)] out Uri? url)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            url = parsed;
            return true;
        }

        url = null;
        return false;
    }

    /// <summary>The local path a non-HTTP source names.</summary>
    public static string LocalPath(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : source;
}

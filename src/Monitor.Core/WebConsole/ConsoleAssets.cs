using System.Collections.Frozen;
using System.Security.Cryptography;

namespace NewsMonitor.WebConsole;

/// <summary>
/// The web console's static files (HTML, CSS, ES modules), embedded in this assembly from <c>WebConsole/wwwroot</c>
/// so both hosts serve the very same files with no folder to deploy beside them and no build step.
/// </summary>
public static class ConsoleAssets
{
    public const string IndexPath = "index.html";
    private const string ResourcePrefix = "console/";

    private static readonly Lazy<FrozenDictionary<string, ConsoleAsset>> Assets = new(Load);

    /// <summary>Every asset's path below the console's root, such as <c>index.html</c> or <c>js/main.js</c>.</summary>
    public static IEnumerable<string> Paths => Assets.Value.Keys;

    /// <summary>The asset at <paramref name="path"/> (empty means the index page), or null.</summary>
    public static ConsoleAsset? Find(string? path)
    {
        path = string.IsNullOrEmpty(path) ? IndexPath : path.TrimStart('/');
        return Assets.Value.GetValueOrDefault(path);
    }

    private static FrozenDictionary<string, ConsoleAsset> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var assets = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // %(RecursiveDir) uses the build machine's separator: normalise so Windows builds serve the same paths.
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var path = name[ResourcePrefix.Length..];
            assets[path] = new ConsoleAsset(path, bytes, ContentType(path), $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}

/// <summary>One embedded file: its bytes, media type and a content-hash ETag.</summary>
public sealed record ConsoleAsset(string Path, byte[] Content, string ContentType, string ETag);

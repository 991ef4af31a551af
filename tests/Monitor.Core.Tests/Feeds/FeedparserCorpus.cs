using System.Text.RegularExpressions;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

/// <summary>
/// Locates the feedparser test corpus (BSD-2, 2,107 files) beside the clone, at ../shared/corpus/feedparser
/// from the folder holding Monitor.sln, and reads each file's HTTP header the way feedparser's own test
/// server serves it (a "Header: Content-type: ...; charset=..." line in the leading comment).
/// </summary>
internal static partial class FeedparserCorpus
{
    private static readonly string Expected = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "corpus", "feedparser"));

    private static readonly Lazy<string> LocatedRoot = new(Locate);

    public static string Root => LocatedRoot.Value;

    /// <summary>
    /// Skips the calling test, with the reason printed in the results, on a clone that has no corpus beside it (a
    /// newcomer's machine). CI lays shared/ beside the clone, so the tests run there.
    /// </summary>
    public static void SkipIfAbsent() =>
        Skip.IfNot(Directory.Exists(Path.Combine(Expected, "tests")),
            $"the feedparser corpus is not at {Expected} (../shared/corpus/feedparser beside the clone; CI lays it there; it is not part of the repository)");

    public static IReadOnlyList<string> Files(string group) =>
        Directory.EnumerateFiles(Path.Combine(Root, "tests", group), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The charset the corpus's test server would send in Content-Type, if the file declares one.</summary>
    public static string? HttpCharset(byte[] content)
    {
        var text = System.Text.Encoding.Latin1.GetString(content).Replace("\0", "", StringComparison.Ordinal);
        var header = ContentTypeHeader().Match(text);
        if (!header.Success) return null;
        var charset = Charset().Match(header.Groups["value"].Value);
        return charset.Success ? charset.Groups["name"].Value : null;
    }

    private static string Locate()
    {
        var corpus = Expected;
        if (!Directory.Exists(Path.Combine(corpus, "tests")))
            throw new DirectoryNotFoundException(
                $"The feedparser corpus was not found at {corpus}. It is expected beside the clone as " +
                "../shared/corpus/feedparser (CI lays shared/ there); it is not part of the repository.");
        return corpus;
    }

    [GeneratedRegex(@"Header:\s*Content-type:\s*(?<value>[^\r\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentTypeHeader();

    [GeneratedRegex("""charset\s*=\s*["']?(?<name>[A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}

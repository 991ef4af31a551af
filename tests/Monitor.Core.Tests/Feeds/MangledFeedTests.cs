using System.Text;
using NewsMonitor.Feeds;
using Xunit.Abstractions;

namespace NewsMonitor.Tests.Feeds;

/// <summary>
/// Real feeds arrive cut, corrupted and spliced. Corpus files mangled in such ways (deterministically, by a
/// fixed seed) must each end as a parse or a <see cref="FeedParseException"/>: never another exception, never a hang.
/// </summary>
public sealed class MangledFeedTests(ITestOutputHelper output)
{
    private static readonly string[] Splices = ["&", "<", ">", "]]>", "<![CDATA[", "<!DOCTYPE x [<!ENTITY a \"&a;\">]>", "&#0;", "&#xD800;", "\0", "\uFFFE", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "</channel>", "<item>", "&unknown;", "xmlns:a=\"", "\u00FF\u00FE"];

    [SkippableFact]
    public void Mangled_corpus_files_never_escape_as_anything_but_a_parse_error()
    {
        FeedparserCorpus.SkipIfAbsent();
        var parser = new FeedParser();
        var random = new Random(20261130);
        var files = FeedparserCorpus.Files("").ToArray();
        int parsed = 0, refused = 0;
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            foreach (var mangled in Mangle(original, random))
            {
                try
                {
                    parser.Parse(mangled, file);
                    parsed++;
                }
                catch (FeedParseException)
                {
                    refused++;
                }
                catch (Exception ex)
                {
                    Assert.Fail($"{Path.GetFileName(file)}: {ex.GetType().Name} escaped: {ex.Message}\n{Encoding.UTF8.GetString(mangled)}");
                }
            }
        }

        output.WriteLine($"{files.Length} files, {parsed + refused} mangled documents: {parsed} parsed, {refused} refused with a reason");
        Assert.True(parsed > 0 && refused > 0, "the mangling should produce both outcomes");
    }

    private static IEnumerable<byte[]> Mangle(byte[] original, Random random)
    {
        if (original.Length < 2) yield break;
        yield return original[..random.Next(1, original.Length)];

        var flipped = (byte[])original.Clone();
        for (var i = 0; i < 1 + original.Length / 100; i++) flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
        yield return flipped;

        var at = random.Next(original.Length);
        yield return [.. original[..at], .. Encoding.UTF8.GetBytes(Splices[random.Next(Splices.Length)]), .. original[at..]];

        yield return [.. original, .. original];
    }
}

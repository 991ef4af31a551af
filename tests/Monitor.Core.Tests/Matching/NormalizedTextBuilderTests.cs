using System.Text.RegularExpressions;
using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

public sealed class NormalizedTextBuilderTests
{
    [Fact]
    public void Expanding_characters_before_an_ascii_run_do_not_overflow_the_buffer()
    {
        var text = string.Concat(Enumerable.Repeat("㌀", 300)) + "Abcdef"; // each ㌀ is アパート under NFKC
        var normalized = TextNormalizer.Normalize(text);
        Assert.Equal(1206, normalized.Length);
        Assert.EndsWith("アパートabcdef", normalized);
    }

    [Fact]
    public void Source_tracking_maps_each_character_back_to_the_plain_text()
    {
        var builder = new NormalizedTextBuilder(tracksSource: true);
        builder.Append("Ｈｉ, Café!");
        Assert.Equal("hi cafe", builder.ToString());
        Assert.Equal([0, 1, 4, 4, 5, 6, 7], builder.Source.Take(builder.Length));
    }

    /// <summary>
    /// Running text is copied eight characters at a time when a block is only letters, digits and single spaces;
    /// every other block goes character by character. Random ASCII text with the characters that decide between the
    /// two (spaces, punctuation, upper case, field starts) must come out as the rule says, with every source index right.
    /// </summary>
    [Fact]
    public void Block_copy_and_character_path_agree_with_the_rule_on_random_ascii()
    {
        var random = new Random(20261130);
        const string alphabet = "abcxyzABCXYZ0189     .,-'\n\t";
        for (var round = 0; round < 2000; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var builder = new NormalizedTextBuilder(tracksSource: true);
            builder.Append(text);

            var words = Regex.Split(text, "[^A-Za-z0-9]+").Where(w => w.Length > 0);
            Assert.Equal(string.Join(' ', words).ToLowerInvariant(), builder.ToString());
            for (var k = 0; k < builder.Length; k++)
            {
                if (k > 0) Assert.True(builder.Source[k] >= builder.Source[k - 1], $"source map goes back in '{text}'");
                if (builder.Chars[k] != ' ') Assert.Equal(char.ToLowerInvariant(text[builder.Source[k]]), builder.Chars[k]);
            }
        }
    }
}

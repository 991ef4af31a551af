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
}

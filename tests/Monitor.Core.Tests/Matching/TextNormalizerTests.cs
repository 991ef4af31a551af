using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Japan's PEACE   treaty!", "japan s peace treaty")]
    [InlineData("Ｓｈｉｋｏｔａｎ", "shikotan")]                // NFKC folds full-width Latin
    [InlineData("Café Zürich façade", "cafe zurich facade")] // diacritics folded
    [InlineData("Шикотанё ЁЛКА", "шикотане елка")]          // ё → е, Cyrillic case
    [InlineData("Straße", "strasse")]
    [InlineData("<p>Habomai&nbsp;&amp;&#32;Shikotan</p>", "habomai shikotan")]
    [InlineData("&lt;b&gt;Kuril&lt;/b&gt; islands", "kuril islands")] // double-escaped HTML
    [InlineData("a<script>var habomai = 1;</script>b", "a b")]
    [InlineData("日ロ平和条約、交渉へ。", "日ロ平和条約 交渉へ")]
    [InlineData("ﾛｼｱ ｶﾞｽ", "ロシア ガス")]                    // half-width katakana, voiced mark composed
    [InlineData("Japan–Russia — «talks»", "japan russia talks")]
    [InlineData("", "")]
    public void Normalises_text_for_matching(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Text_and_terms_normalise_identically()
    {
        foreach (var text in new[] { "ＨＡＢＯＭＡＩ", "Habomaï", "habomai" })
            Assert.Equal("habomai", TextNormalizer.Normalize(text));
    }

    [Theory]
    [InlineData('歯', true)]
    [InlineData('ロ', true)]
    [InlineData('한', true)]
    [InlineData('a', false)]
    [InlineData('ш', false)]
    public void Knows_which_scripts_match_as_substrings(char c, bool cjk) => Assert.Equal(cjk, TextNormalizer.IsCjk(c));
}

using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("<p>a</p><p>b</p>", " a  b ")]
    [InlineData("Tom &amp; Jerry &#8212; &#x41;&lt;&gt;&eacute;", "Tom & Jerry — A<>é")]
    [InlineData("&unknown; & &;", "&unknown; & &;")]
    [InlineData("a<style>p{}</style>b<script src=x></script>c", "a b c")]
    [InlineData("x < y and <b>bold", "x < y and bold")]
    [InlineData("cut <a href=", "cut ")]
    public void Strips_tags_and_decodes_entities(string html, string expected) =>
        Assert.Equal(expected, HtmlText.ToPlainText(html));
}

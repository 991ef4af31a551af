using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class StoryKeyTests
{
    [Theory]
    [InlineData("https://news.example/a?utm_source=rss&utm_medium=feed", "https://news.example/a")]
    [InlineData("HTTPS://News.Example:443/a#comments", "https://news.example/a")]
    [InlineData("https://news.example/a?id=7&fbclid=xyz&gclid=1&page=2", "https://news.example/a?id=7&page=2")]
    [InlineData("http://news.example:8080/a?UTM_Campaign=x", "http://news.example:8080/a")]
    [InlineData("https://news.example/path/", "https://news.example/path/")]
    public void Canonical_links_drop_tracking_fragments_and_default_ports(string link, string canonical)
    {
        Assert.Equal(canonical, StoryKey.CanonicalLink(link));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("mailto:editor@news.example")]
    public void Only_absolute_http_links_have_a_canonical_form(string? link)
    {
        Assert.Null(StoryKey.CanonicalLink(link));
    }

    [Fact]
    public void Link_keys_ignore_scheme_and_www()
    {
        Assert.Equal(StoryKey.LinkKey("http://www.news.example/a?utm_source=x"), StoryKey.LinkKey("https://news.example/a"));
        Assert.NotEqual(StoryKey.LinkKey("https://news.example/a"), StoryKey.LinkKey("https://news.example/b"));
    }

    [Fact]
    public void Title_fingerprints_fold_markup_case_width_diacritics_and_punctuation()
    {
        var expected = StoryKey.TitleFingerprint("Japan and Russia resume peace treaty talks on Shikotan");

        Assert.NotNull(expected);
        Assert.Equal(expected, StoryKey.TitleFingerprint("<b>JAPAN</b> and Russia resume peace-treaty talks on Ｓｈｉｋｏｔａｎ!"));
        Assert.Equal("cafe resume politique a moscou", StoryKey.TitleFingerprint("Café   résumé: politique à Moscou"));
        Assert.Equal(StoryKey.TitleFingerprint("Déjà vu at the Kremlin talks"), StoryKey.TitleFingerprint("deja vu at the kremlin TALKS"));
    }

    [Fact]
    public void Generic_short_titles_have_no_fingerprint()
    {
        Assert.Null(StoryKey.TitleFingerprint("News"));
        Assert.Null(StoryKey.TitleFingerprint("  "));
        Assert.NotNull(StoryKey.TitleFingerprint("北方領土の返還交渉"));
    }

    [Fact]
    public void Near_duplicate_titles_are_recognised_across_feeds()
    {
        Assert.True(StoryKey.AreNearDuplicateTitles(
            "Japan and Russia resume peace treaty talks on Shikotan island",
            "Japan, Russia resume peace treaty talks on Shikotan island - Reuters"));
        Assert.True(StoryKey.AreNearDuplicateTitles("日露平和条約交渉が色丹島で再開", "日露平和条約交渉が色丹島で再開へ"));
        Assert.False(StoryKey.AreNearDuplicateTitles(
            "Japan and Russia resume peace treaty talks on Shikotan island",
            "Storm closes ferry service to Habomai islands for a week"));
    }

    [Fact]
    public void Keys_of_an_item_cover_its_link_and_its_title()
    {
        var item = new NewsItem
        {
            Feed = "f",
            Id = "1",
            Title = "Japan and Russia resume peace treaty talks",
            Link = "https://www.news.example/story?utm_source=rss",
        };

        Assert.Equal(["link:news.example/story", "title:japan and russia resume peace treaty talks"], StoryKey.KeysOf(item));
    }
}

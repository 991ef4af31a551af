using System.Diagnostics;
using System.Text;
using NewsMonitor.Feeds;

namespace NewsMonitor.Tests.Feeds;

public sealed class FeedParserTests
{
    private const string Source = "https://news.example/feed";
    private readonly FeedParser _parser = new();

    private ParsedFeed Parse(string xml, string? charset = null) => _parser.Parse(Encoding.UTF8.GetBytes(xml), Source, charset);

    private string Reason(byte[] content) => Assert.Throws<FeedParseException>(() => _parser.Parse(content, Source)).Message;

    private string Reason(string text) => Reason(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Rss_items_keep_title_link_summary_and_date_as_published()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>World</title><ttl>90</ttl>
              <item><title>Talks on &lt;b&gt;Shikotan&lt;/b&gt;</title><link>https://news.example/a</link>
                <guid isPermaLink="false">story-1</guid><description><![CDATA[<p>Peace treaty talks</p>]]></description>
                <pubDate>Mon, 30 Nov 2026 05:00:00 +0300</pubDate></item>
            </channel></rss>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal("World", feed.Title);
        Assert.Equal(TimeSpan.FromMinutes(90), feed.TimeToLive);
        Assert.Equal("story-1", item.Id);
        Assert.Equal("Talks on <b>Shikotan</b>", item.Title);
        Assert.Equal("https://news.example/a", item.Link);
        Assert.Equal("<p>Peace treaty talks</p>", item.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal(Source, item.Feed);
    }

    [Fact]
    public void Atom_entries_use_their_id_and_fall_back_to_updated()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
              <entry><id>urn:uuid:1</id><title>Habomai</title><link rel="alternate" href="/story/1"/>
                <updated>2026-11-30T05:00:00+09:00</updated><summary>Islands</summary></entry>
            </feed>
            """);

        var item = Assert.Single(feed.Items);
        Assert.Equal("urn:uuid:1", item.Id);
        Assert.Equal("https://news.example/story/1", item.Link);
        Assert.Equal("Islands", item.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 20, 0, 0, TimeSpan.Zero), item.Published);
    }

    [Theory]
    [InlineData("https://jsonfeed.org/version/1")]
    [InlineData("https://jsonfeed.org/version/1.1")]
    public void Json_feed_1_0_and_1_1_are_parsed(string version)
    {
        var feed = Parse($$"""
            {"version":"{{version}}","title":"Новости","items":[
              {"id":"42","title":"Шикотан","url":"https://news.example/42","content_html":"<p>Курилы</p>","date_published":"2026-11-30T05:00:00Z"},
              {"id":"43","url":"https://news.example/43","content_text":"no title"}]}
            """);

        Assert.Equal("Новости", feed.Title);
        Assert.Equal(["42", "43"], feed.Items.Select(i => i.Id));
        Assert.Equal("Шикотан", feed.Items[0].Title);
        Assert.Equal("<p>Курилы</p>", feed.Items[0].Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal("", feed.Items[1].Title);
    }

    [Fact]
    public void Json_that_is_not_a_json_feed_is_refused_with_a_reason()
    {
        Assert.StartsWith("not a feed: ", Reason("""{"hello":"world"}"""));
        Assert.StartsWith("malformed JSON: ", Reason("""{"version":"https://jsonfeed.org/version/1.1", "items": [ """));
    }

    [Fact]
    public void Undeclared_html_entities_are_recovered()
    {
        var feed = Parse("<rss version=\"2.0\"><channel><title>A&nbsp;B</title><item><title>Caf&eacute; &amp; &hellip; &bogus; AT&T</title></item></channel></rss>");

        Assert.Equal("A\u00A0B", feed.Title);
        Assert.Equal("Café & … &bogus; AT&T", feed.Items.Single().Title);
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var feed = Parse($"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>
                <rss version="2.0"><channel><title>x&xxe;</title><item><title>&xxe;</title></item></channel></rss>
                """);

            Assert.DoesNotContain("TOP-SECRET", feed.Title);
            Assert.Equal("&xxe;", feed.Items.Single().Title);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_billion_laughs_expands_nothing_and_returns_at_once()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        var clock = Stopwatch.StartNew();

        var feed = Parse($"<?xml version=\"1.0\"?><!DOCTYPE rss [{entities}]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");

        Assert.Equal("&lol9;", feed.Title);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_plain_internal_entity_keeps_its_text()
    {
        var feed = Parse("<!DOCTYPE rss [<!ENTITY place \"Shikotan\">]><rss version=\"2.0\"><channel><title>On &place;</title></channel></rss>");

        Assert.Equal("On Shikotan", feed.Title);
    }

    [Theory]
    [InlineData("windows-1251", "Шикотан")]
    [InlineData("koi8-r", "Хабомаи")]
    [InlineData("shift_jis", "北方領土")]
    [InlineData("euc-jp", "色丹島")]
    [InlineData("iso-8859-1", "Café")]
    public void The_xml_declaration_names_the_encoding(string encoding, string title)
    {
        var bytes = LegacyEncodings.Get(encoding).GetBytes(
            $"<?xml version=\"1.0\" encoding=\"{encoding}\"?><rss version=\"2.0\"><channel><title>{title}</title></channel></rss>");

        Assert.Equal(title, _parser.Parse(bytes, Source).Title);
    }

    [Fact]
    public void The_http_charset_wins_over_a_wrong_declaration()
    {
        var bytes = LegacyEncodings.Get("windows-1251").GetBytes(
            "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Курилы</title></channel></rss>");

        Assert.Equal("Курилы", _parser.Parse(bytes, Source, "windows-1251").Title);
    }

    [Fact]
    public void Bytes_claimed_as_utf8_but_not_utf8_are_read_as_windows_1252()
    {
        var bytes = LegacyEncodings.Get(1252).GetBytes("<rss version=\"2.0\"><channel><title>don’t café</title></channel></rss>");

        Assert.Equal("don’t café", _parser.Parse(bytes, Source, "utf-8").Title);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32LE")]
    [InlineData("utf-32BE")]
    public void A_byte_order_mark_wins_over_everything(string encodingName)
    {
        var encoding = LegacyEncodings.Get(encodingName);
        var bytes = encoding.GetPreamble().Length > 0 ? encoding.GetPreamble() : new UTF8Encoding(true).GetPreamble();
        bytes = [.. bytes, .. encoding.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>北方領土</title></channel></rss>")];

        Assert.Equal("北方領土", _parser.Parse(bytes, Source, "windows-1251").Title);
    }

    [Fact]
    public void Utf16_without_a_bom_is_recognised_from_its_first_bytes()
    {
        var bytes = Encoding.BigEndianUnicode.GetBytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Шикотан</title></channel></rss>");

        Assert.Equal("Шикотан", _parser.Parse(bytes, Source).Title);
    }

    [Fact]
    public void Utf8_with_a_stray_byte_stays_utf8()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>Шикотан "), 0xFF, .. Encoding.UTF8.GetBytes("</title></channel></rss>")];

        Assert.Equal("Шикотан \uFFFD", _parser.Parse(bytes, Source).Title);
    }

    [Fact]
    public void Control_characters_xml_forbids_are_dropped()
    {
        Assert.Equal("ab", Parse("<rss version=\"2.0\"><channel><title>a\u0001b&#x1;</title></channel></rss>").Title);
    }

    [Fact]
    public void Item_id_falls_back_to_the_canonical_link_then_to_a_content_hash()
    {
        var feed = Parse("""
            <rss version="2.0"><channel>
              <item><title>A</title><link>https://News.example:443/a?utm_source=rss&amp;id=7#top</link></item>
              <item><title>B</title><description>only text</description></item>
              <item><title>B</title><description>only text</description></item>
            </channel></rss>
            """);

        Assert.Equal("https://news.example/a?id=7", feed.Items[0].Id);
        Assert.StartsWith("sha256:", feed.Items[1].Id);
        Assert.Equal(feed.Items[1].Id, feed.Items[2].Id);
        Assert.Equal(feed.Items[1].Id, Parse("<rss version=\"2.0\"><channel><item><title>B</title><description>only text</description></item></channel></rss>").Items[0].Id);
    }

    [Fact]
    public void Overlong_guids_are_kept_as_their_hash()
    {
        var guid = new string('g', 2000);

        var id = Parse($"<rss version=\"2.0\"><channel><item><title>t</title><guid>{guid}</guid></item></channel></rss>").Items.Single().Id;

        Assert.StartsWith("sha256:", id);
        Assert.Equal(id, Parse($"<rss version=\"2.0\"><channel><item><title>other</title><guid>{guid}</guid></item></channel></rss>").Items.Single().Id);
    }

    [Fact]
    public void Feeds_feedreader_chokes_on_are_repaired_not_lost()
    {
        Assert.Empty(Parse("<rss version=\"2.0\"></rss>").Items);
        Assert.Equal("x", Parse("<rss><item><title>x</title></item></rss>").Items.Single().Title);
        Assert.Equal("Bare", Parse("<CHANNEL HREF=\"https://news.example/\"><ITEM HREF=\"https://news.example/1\"><TITLE>Bare</TITLE></ITEM></CHANNEL>").Items.Single().Title);
        Assert.Equal("ns", Parse("<r:rss version=\"2.0\" xmlns:r=\"http://backend.userland.com/rss2\"><r:channel><r:item><r:title>ns</r:title></r:item></r:channel></r:rss>").Items.Single().Title);
    }

    [Fact]
    public void Common_xml_mistakes_of_publishers_are_repaired()
    {
        Assert.Equal("Podcast", Parse("<rss version=\"2.0\"><channel><title>Podcast</title><itunes:author>Me</itunes:author></channel></rss>").Title);
        Assert.Equal("x", Parse("<!-- cached --><?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>x</title></channel></rss>").Title);
        Assert.Equal("A", Parse("<rss version=\"2.0\"><channel><title>&#X41;</title></channel></rss").Title);
        var truncated = Parse("<rss version=\"2.0\"><channel><title>Cut</title><item><title>kept</title></item><item><title>lo");
        Assert.Equal("kept", Assert.Single(truncated.Items).Title); // the half item is dropped, not alerted half-read
    }

    [Fact]
    public void What_is_not_a_feed_says_so()
    {
        Assert.Equal("empty body", Reason([]));
        Assert.Equal("empty body", Reason("  \r\n "));
        Assert.Equal("not a feed: HTML page", Reason("<!doctype html><html><body>hi</body></html>"));
        Assert.Equal("not a feed: HTML page", Reason("<html><body>hi</body></html>"));
        Assert.StartsWith("not a feed: unknown feed type", Reason("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        Assert.StartsWith("malformed XML: ", Reason("<rss version=\"2.0\"><channel><title>a</wrong></channel></rss>"));
        Assert.Equal("not a feed: the body is neither XML nor JSON", Reason(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A }));
    }

    [Fact]
    public void Ten_thousand_items_are_parsed()
    {
        var feed = Parse(NewsMonitor.Testing.FeedServerDocuments.Rss(10_000));

        Assert.Equal(10_000, feed.Items.Count);
        Assert.Equal(10_000, feed.Items.Select(i => i.Id).Distinct().Count());
    }
}

namespace NewsMonitor.Tests.Cli;

/// <summary>
/// Fixture feeds about Shikotan in three languages and three formats, each beside items that only look alike
/// (Shikoku, Lake Shikotsu): the shikotan topic must match the first kind and nothing may match the second.
/// </summary>
public static class ShikotanFeeds
{
    /// <summary>Item ids that the seed topic <c>shikotan</c> must match, one per feed.</summary>
    public static readonly string[] ShikotanItemIds = ["en-shikotan-1", "ja-shikotan-1", "ru-shikotan-1"];

    /// <summary>Item ids that no seed topic may match.</summary>
    public static readonly string[] UnrelatedItemIds = ["en-shikoku-1", "en-shikotsu-1", "ja-shikoku-1", "ja-shikotsu-1", "ru-shikoku-1"];

    public const string EnglishShikotanTitle = "Russia opens a new fish plant on Shikotan";

    public static readonly string EnglishRss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Island news (English)</title><link>https://news.example/en/</link>
        <item><guid>en-shikotan-1</guid><title>Russia opens a new fish plant on Shikotan</title>
          <link>https://news.example/en/shikotan-fish-plant</link>
          <description>The plant in Krabozavodskoye employs 300 people, officials said.</description>
          <pubDate>Mon, 30 Nov 2026 01:00:00 GMT</pubDate></item>
        <item><guid>en-shikoku-1</guid><title>Pilgrims return to the 88 temples of Shikoku</title>
          <link>https://news.example/en/shikoku-pilgrims</link>
          <description>The walking route around the island draws record numbers this autumn.</description></item>
        <item><guid>en-shikotsu-1</guid><title>Lake Shikotsu ice festival opens near Chitose</title>
          <link>https://news.example/en/shikotsu-ice</link>
          <description>Sculptures made of lake water glow in the Hokkaido night.</description></item>
        </channel></rss>
        """;

    public static readonly string JapaneseAtom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>島のニュース</title><id>urn:news:ja</id><updated>2026-11-30T01:00:00Z</updated>
        <entry><id>ja-shikotan-1</id><title>色丹島で新しい水産加工場が稼働</title>
          <link href="https://news.example/ja/shikotan"/><updated>2026-11-30T01:00:00Z</updated>
          <summary>ロシア側が島の開発を進めている。</summary></entry>
        <entry><id>ja-shikoku-1</id><title>四国八十八か所のお遍路、今年も盛況</title>
          <link href="https://news.example/ja/shikoku"/><updated>2026-11-30T00:30:00Z</updated>
          <summary>秋の巡礼シーズンに多くの人が訪れた。</summary></entry>
        <entry><id>ja-shikotsu-1</id><title>支笏湖の氷濤まつりが開幕</title>
          <link href="https://news.example/ja/shikotsu"/><updated>2026-11-30T00:00:00Z</updated>
          <summary>千歳市で冬の祭りが始まった。</summary></entry>
        </feed>
        """;

    public static readonly string RussianJsonFeed = """
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "Новости островов",
          "items": [
            { "id": "ru-shikotan-1", "url": "https://news.example/ru/shikotan", "title": "На Шикотане открыли новую школу",
              "content_text": "Школа в селе построена за два года.", "date_published": "2026-11-30T01:00:00Z" },
            { "id": "ru-shikoku-1", "url": "https://news.example/ru/shikoku", "title": "Паломники вернулись на остров Сикоку",
              "content_text": "Маршрут по 88 храмам снова популярен.", "date_published": "2026-11-30T00:00:00Z" }
          ]
        }
        """;

    /// <summary>Writes the three feeds into <paramref name="folder"/> and returns their paths (RSS, Atom, JSON Feed).</summary>
    public static string[] WriteAll(TempFolder folder) =>
    [
        folder.Write("english.rss", EnglishRss),
        folder.Write("japanese.atom", JapaneseAtom),
        folder.Write("russian.json", RussianJsonFeed),
    ];

    /// <summary>A topics file with only the <c>shikotan</c> topic of the seeds, so counts of hits are exact.</summary>
    public static string WriteShikotanOnlyTopics(TempFolder folder)
    {
        var seeds = NewsMonitor.Topics.TopicsFile.LoadDocument(Path.Combine(AppContext.BaseDirectory, "seeds", "topics.json"));
        var shikotan = seeds.Topics.Single(t => t.Id == "shikotan");
        return folder.Write("shikotan-topics.json", System.Text.Json.JsonSerializer.Serialize(new
        {
            lists = seeds.Lists.All,
            topics = new[] { new { id = shikotan.Id, name = shikotan.Name, query = shikotan.Query } },
        }));
    }

    public const string HtmlPage = "<!DOCTYPE html><html><head><title>Island news</title></head><body><h1>Not a feed</h1><p>Shikotan</p></body></html>";
}

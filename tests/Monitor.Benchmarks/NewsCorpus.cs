using System.Text;
using NewsMonitor.Feeds;
using NewsMonitor.Topics;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Deterministic news-like items (~2 KB, HTML summaries, mostly common words with some names) and topics
/// written in the query language over a large vocabulary of names, the way real watch lists look:
/// most topics name things an item does not mention.
/// </summary>
public static class NewsCorpus
{
    private static readonly string[] Syllables =
        ["ka", "to", "mi", "ra", "shi", "no", "ve", "lo", "ar", "en", "ti", "su", "ko", "da", "ne", "ri", "po", "za", "ul", "ex"];

    /// <summary>Words every item is made of.</summary>
    public static readonly string[] CommonWords = Words(seed: 1, count: 3000, syllables: 2);

    /// <summary>Names topics are about; each item mentions a few.</summary>
    public static readonly string[] Names = Words(seed: 2, count: 40000, syllables: 4);

    private static readonly string[] CjkNames = ["歯舞", "色丹", "北方領土", "平和条約", "択捉島", "国後島", "日ロ", "ロシア", "東京", "外務省"];

    public static NewsItem[] Items(int count, int seed = 7)
    {
        var random = new Random(seed);
        var items = new NewsItem[count];
        for (var i = 0; i < count; i++)
        {
            var summary = new StringBuilder("<p>");
            while (summary.Length < 1900)
            {
                var word = random.Next(40) == 0 ? Pick(random, Names) : Pick(random, CommonWords);
                summary.Append(random.Next(12) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(random.Next(15) == 0 ? ". " : " ");
                if (random.Next(150) == 0) summary.Append("</p><p>");
                if (random.Next(200) == 0) summary.Append(Pick(random, CjkNames)).Append("の");
            }
            summary.Append("</p>");
            var title = string.Join(' ', Enumerable.Range(0, 9).Select(_ => random.Next(5) == 0 ? Pick(random, Names) : Pick(random, CommonWords)));
            items[i] = new NewsItem { Feed = "bench", Id = $"item-{i}", Title = title, Summary = summary.ToString() };
        }
        return items;
    }

    public static Topic[] Topics(int count, int seed = 11)
    {
        var random = new Random(seed);
        var topics = new Topic[count];
        for (var i = 0; i < count; i++)
        {
            string Name() => Pick(random, Names);
            var query = (i % 6) switch
            {
                0 => $"\"{Name()} {Name()}\" OR {Name()}",
                1 => $"{Name()} {Pick(random, CommonWords)} -{Name()}",
                2 => $"({Name()} OR {Name()}) NEAR/5 {Name()}",
                3 => $"{Name()[..5]}* title:{Name()}",
                4 => $"{Name()} OR {Pick(random, CjkNames)}{i}",
                _ => $"{Name()} OR \"{Name()} {Pick(random, CommonWords)}\"",
            };
            topics[i] = new Topic { Id = $"topic-{i}", Name = $"Topic {i}", Query = query };
        }
        return topics;
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    private static string[] Words(int seed, int count, int syllables)
    {
        var random = new Random(seed);
        var words = new HashSet<string>();
        while (words.Count < count)
        {
            var sb = new StringBuilder();
            var length = syllables + random.Next(2);
            for (var s = 0; s < length; s++) sb.Append(Pick(random, Syllables));
            words.Add(sb.ToString());
        }
        return words.ToArray();
    }
}

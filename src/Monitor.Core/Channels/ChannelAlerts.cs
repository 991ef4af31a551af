using NewsMonitor.Alerts;
using NewsMonitor.Matches;

namespace NewsMonitor.Channels;

/// <summary>Builds the <see cref="ChannelAlert"/> of a stored match from the same alert data the webhook sends.</summary>
public static class ChannelAlerts
{
    public static ChannelAlert From(StoredMatch match)
    {
        var data = AlertEventFactory.Create("channel", match.ToTopicMatch(), match.Item, match.MatchedAt, match.Sources).Data;
        return new ChannelAlert(data.Topic.Id, data.Topic.Name, data.Item.Title.Length > 0 ? data.Item.Title : "(untitled story)", data.Item.Link,
            data.Why ?? AlertWhy.Sentence(match.ToTopicMatch()), data.Snippet, data.Sources, data.Item.Published, match.MatchedAt);
    }

    /// <summary>
    /// Splits a snippet into plain and highlighted runs at its [brackets], so each format marks hits its own way.
    /// An unbalanced bracket is kept as text.
    /// </summary>
    public static IEnumerable<(string Text, bool Highlighted)> Runs(string snippet)
    {
        var at = 0;
        while (at < snippet.Length)
        {
            var open = snippet.IndexOf('[', at);
            var close = open < 0 ? -1 : snippet.IndexOf(']', open + 1);
            if (open < 0 || close < 0)
            {
                yield return (snippet[at..], false);
                yield break;
            }
            if (open > at) yield return (snippet[at..open], false);
            if (close > open + 1) yield return (snippet[(open + 1)..close], true);
            at = close + 1;
        }
    }

    /// <summary>The snippet in a format's markup: plain runs escaped, hits escaped and marked.</summary>
    public static string Highlight(string snippet, Func<string, string> escape, Func<string, string> mark)
    {
        var text = new System.Text.StringBuilder(snippet.Length + 16);
        foreach (var (run, hit) in Runs(snippet))
            text.Append(hit ? mark(escape(run)) : escape(run));
        return text.ToString();
    }

    /// <summary>Puts a backslash before each of <paramref name="special"/>: markdown dialects (Discord, Adaptive Cards) read it as "literally".</summary>
    public static string BackslashEscape(string text, string special)
    {
        var escaped = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (special.Contains(c, StringComparison.Ordinal)) escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>Groups alerts by topic (topics in name order), each group newest first: the digest order.</summary>
    public static IReadOnlyList<IGrouping<string, ChannelAlert>> ByTopic(IEnumerable<ChannelAlert> alerts) =>
        alerts.OrderByDescending(a => a.SortTime)
            .GroupBy(a => a.TopicName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase)
            .ToArray();

    /// <summary>Cuts text to <paramref name="max"/> characters at a word boundary, with an ellipsis.</summary>
    public static string Cut(string text, int max) => HtmlText.Shorten(text, max);
}

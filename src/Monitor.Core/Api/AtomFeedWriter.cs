using System.Globalization;
using System.Text;
using System.Xml;
using NewsMonitor.Matches;
using NewsMonitor.Topics;

namespace NewsMonitor.Api;

/// <summary>Writes a topic's recent matches as an Atom 1.0 feed (RFC 4287), each entry linking to the story.</summary>
public static class AtomFeedWriter
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static string Write(Topic topic, IReadOnlyList<StoredMatch> matches, string selfUrl)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriterUtf8(text), new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, $"urn:newsmonitor:topic:{topic.Id}");
            xml.WriteElementString("title", AtomNamespace, $"NewsMonitor: {topic.Name}");
            if (topic.Description is { } description) xml.WriteElementString("subtitle", AtomNamespace, description);
            xml.WriteElementString("updated", AtomNamespace, Timestamp(matches.Count > 0 ? matches.Max(m => m.MatchedAt) : DateTimeOffset.UnixEpoch));
            WriteLink(xml, "self", selfUrl);
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, "NewsMonitor");
            xml.WriteEndElement();

            foreach (var match in matches)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, $"urn:newsmonitor:story:{match.StoryKey}");
                xml.WriteElementString("title", AtomNamespace, match.Item.Title);
                xml.WriteElementString("updated", AtomNamespace, Timestamp(match.MatchedAt));
                if (match.Item.Published is { } published) xml.WriteElementString("published", AtomNamespace, Timestamp(published));
                if (match.Item.Link is { } link) WriteLink(xml, "alternate", link);
                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString($"Matched {string.Join(", ", match.Terms.Select(t => $"\"{t}\""))}: {match.Snippet}");
                xml.WriteEndElement();
                foreach (var source in match.Sources)
                {
                    xml.WriteStartElement("category", AtomNamespace);
                    xml.WriteAttributeString("term", source);
                    xml.WriteAttributeString("label", "source feed");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return text.ToString();
    }

    private static void WriteLink(XmlWriter xml, string rel, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

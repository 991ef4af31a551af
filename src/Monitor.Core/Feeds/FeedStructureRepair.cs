using System.Xml;
using System.Xml.Linq;

namespace NewsMonitor.Feeds;

/// <summary>
/// Second chance for documents FeedReader rejects although they are feeds: it dereferences the RSS
/// <c>&lt;channel&gt;</c> and the default namespace without checking, so an empty <c>&lt;rss&gt;</c>, RSS in a
/// prefixed namespace, RSS 1.0 without a default namespace, or a bare CDF <c>&lt;CHANNEL&gt;</c> end in a
/// NullReferenceException. This rewrites those shapes into the ones FeedReader expects.
/// </summary>
internal static class FeedStructureRepair
{
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";

    private static readonly XmlReaderSettings SafeReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>The rewritten document, or null when there is nothing this repair knows how to change.</summary>
    public static string? TryRepair(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), SafeReaderSettings);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        var root = document.Root;
        if (root is null) return null;
        var changed = root.Name.LocalName.ToLowerInvariant() switch
        {
            "rss" => RepairRss(root),
            "rdf" => RepairRdf(root),
            "channel" => WrapChannelDefinition(document, root),
            _ => false,
        };
        return changed ? document.ToString(SaveOptions.DisableFormatting) : null;
    }

    private static bool RepairRss(XElement root)
    {
        var changed = false;
        var ns = root.Name.Namespace;
        if (ns != XNamespace.None)
        {
            // RSS 2.0 published in a namespace (e.g. Userland's): its elements are plain RSS.
            foreach (var element in root.DescendantsAndSelf().Where(e => e.Name.Namespace == ns))
                element.Name = element.Name.LocalName;
            changed = true;
        }

        if (root.Element("channel") is null)
        {
            var content = root.Nodes().ToList();
            foreach (var node in content) node.Remove();
            root.Add(new XElement("channel", content));
            changed = true;
        }

        return changed;
    }

    private static bool RepairRdf(XElement root)
    {
        var vocabulary = root.Elements().FirstOrDefault(e => e.Name.LocalName is "channel" or "item")?.Name.Namespace
            ?? (root.GetDefaultNamespace() == XNamespace.None ? Rss10 : root.GetDefaultNamespace());
        var changed = false;
        if (root.GetDefaultNamespace() != vocabulary)
        {
            root.SetAttributeValue("xmlns", vocabulary.NamespaceName);
            changed = true;
        }

        if (root.Element(vocabulary + "channel") is null)
        {
            root.AddFirst(new XElement(vocabulary + "channel"));
            changed = true;
        }

        return changed;
    }

    /// <summary>Microsoft's Channel Definition Format: upper-case RSS-like elements, links in HREF attributes.</summary>
    private static bool WrapChannelDefinition(XDocument document, XElement root)
    {
        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            var name = element.Name.LocalName.ToLowerInvariant();
            element.Name = name == "abstract" ? "description" : name;
            var href = element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("href", StringComparison.OrdinalIgnoreCase));
            if (href is not null && name is "channel" or "item" && element.Element("link") is null)
                element.AddFirst(new XElement("link", href.Value));
        }

        root.Remove();
        document.Add(new XElement("rss", new XAttribute("version", "2.0"), root));
        return true;
    }
}

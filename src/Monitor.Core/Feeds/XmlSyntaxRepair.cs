using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace NewsMonitor.Feeds;

/// <summary>
/// Second chance for a feed whose XML is not well-formed in the two ways real publishers most often get
/// wrong: a namespace prefix used without its declaration (<c>itunes:</c>, <c>dc:</c>, <c>media:</c>…), and a
/// document cut short (a missing final <c>&gt;</c>, or closing tags never written). Whatever was published
/// up to that point is kept; nothing is invented beyond the declarations and the closing tags.
/// </summary>
internal static partial class XmlSyntaxRepair
{
    /// <summary>Namespaces for prefixes that feeds use without declaring; unknown prefixes get a private URN.</summary>
    private static readonly Dictionary<string, string> WellKnownNamespaces = new(StringComparer.Ordinal)
    {
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcterms"] = "http://purl.org/dc/terms/",
        ["georss"] = "http://www.georss.org/georss",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
    };

    private static readonly XmlReaderSettings StrictReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// <summary>The repaired document, or null when neither repair changes anything.</summary>
    public static string? TryRepair(string xml)
    {
        var declared = DeclareUndeclaredPrefixes(xml);
        var closed = CloseTruncatedDocument(declared);
        var repaired = closed ?? declared;
        return ReferenceEquals(repaired, xml) ? null : repaired;
    }

    private static string DeclareUndeclaredPrefixes(string xml)
    {
        var declared = NamespaceDeclaration().Matches(xml).Select(m => m.Groups["prefix"].Value).ToHashSet(StringComparer.Ordinal);
        var missing = PrefixedName().Matches(xml)
            .Select(m => m.Groups["prefix"].Value)
            .Where(prefix => prefix is not ("xml" or "xmlns") && !declared.Contains(prefix))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (missing.Count == 0) return xml;

        var root = RootStartTag().Match(xml);
        if (!root.Success) return xml;
        var declarations = new StringBuilder();
        foreach (var prefix in missing)
        {
            var uri = WellKnownNamespaces.GetValueOrDefault(prefix, "urn:newsmonitor:undeclared:" + prefix);
            declarations.Append(" xmlns:").Append(prefix).Append("=\"").Append(uri).Append('"');
        }

        var insertAt = root.Index + root.Length;
        return string.Concat(xml.AsSpan(0, insertAt), declarations.ToString(), xml.AsSpan(insertAt));
    }

    /// <summary>
    /// Drops a partial trailing tag and any item or entry left incomplete (a half item would be alerted on,
    /// then alerted again once whole), and closes every element still open at the end of the text.
    /// </summary>
    private static string? CloseTruncatedDocument(string xml)
    {
        var lastTagEnd = xml.LastIndexOf('>');
        if (lastTagEnd < 0) return null;
        var cut = xml[..(lastTagEnd + 1)];
        var open = OpenElementsAtEnd(cut);
        if (open is null) return cut.Length == xml.Length ? null : cut;

        var incompleteEntry = open.LastOrDefault(name => LocalName(name) is "item" or "entry");
        if (incompleteEntry is not null)
        {
            var start = cut.LastIndexOf("<" + incompleteEntry, StringComparison.Ordinal);
            if (start <= 0) return null;
            cut = cut[..start];
            open = OpenElementsAtEnd(cut);
            if (open is null) return cut;
        }

        if (open.Count == 0) return null;
        var closed = new StringBuilder(cut, cut.Length + open.Count * 16);
        foreach (var name in open) closed.Append("</").Append(name).Append('>');
        return closed.ToString();
    }

    /// <summary>Null when <paramref name="xml"/> parses to the end; otherwise the elements open where reading stopped, innermost first.</summary>
    private static Stack<string>? OpenElementsAtEnd(string xml)
    {
        var open = new Stack<string>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), StrictReaderSettings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement) open.Push(reader.Name);
                else if (reader.NodeType == XmlNodeType.EndElement && open.Count > 0) open.Pop();
            }

            return null;
        }
        catch (XmlException)
        {
            return open;
        }
    }

    private static string LocalName(string qualifiedName) => qualifiedName[(qualifiedName.IndexOf(':') + 1)..];

    [GeneratedRegex(@"xmlns:(?<prefix>[A-Za-z_][\w.\-]*)\s*=")]
    private static partial Regex NamespaceDeclaration();

    /// <summary>Prefixes of element names, and of attribute names inside tags.</summary>
    [GeneratedRegex(@"(?:</?|\s)(?<prefix>[A-Za-z_][\w.\-]*):[A-Za-z_][\w.\-]*(?=[\s/>=])")]
    private static partial Regex PrefixedName();

    [GeneratedRegex(@"<(?![?!/])[A-Za-z_][\w.\-:]*")]
    private static partial Regex RootStartTag();
}

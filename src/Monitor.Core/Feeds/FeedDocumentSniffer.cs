namespace NewsMonitor.Feeds;

/// <summary>Looks at repaired markup before FeedReader does, to name what a document is when it is not a feed.</summary>
internal static class FeedDocumentSniffer
{
    /// <summary>The local name of the first element, skipping comments, processing instructions and declarations.</summary>
    public static string? RootElementName(string xml)
    {
        var i = 0;
        while (true)
        {
            i = xml.IndexOf('<', i);
            if (i < 0 || i + 1 >= xml.Length) return null;
            var next = xml[i + 1];
            if (next is '?' or '!')
            {
                var terminator = xml.AsSpan(i).StartsWith("<!--") ? "-->" : ">";
                var end = xml.IndexOf(terminator, i + 2, StringComparison.Ordinal);
                if (end < 0) return null;
                i = end + terminator.Length;
                continue;
            }

            var start = i + 1;
            var stop = start;
            while (stop < xml.Length && !char.IsWhiteSpace(xml[stop]) && xml[stop] is not ('>' or '/')) stop++;
            var name = xml[start..stop];
            var colon = name.IndexOf(':');
            return colon >= 0 ? name[(colon + 1)..] : name;
        }
    }
}

using System.Globalization;
using System.Xml;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using CodeHollow.FeedReader.Parser;

namespace NewsMonitor.Feeds;

/// <summary>
/// Parses downloaded feed bytes (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) with
/// CodeHollow.FeedReader, after decoding the text itself (<see cref="FeedTextDecoder"/>) and making the
/// markup safe and well-formed (<see cref="FeedMarkupRepair"/>). Any failure, including the
/// NullReferenceExceptions FeedReader throws on some malformed feeds, surfaces as a
/// <see cref="FeedParseException"/> whose message is the one-line reason shown for the feed.
/// </summary>
public sealed class FeedParser
{
    /// <summary>Parses <paramref name="content"/>; <paramref name="feed"/> (URL or path) is recorded on every item.</summary>
    /// <exception cref="FeedParseException">The content is not a feed this parser can read; the message says why.</exception>
    public ParsedFeed Parse(byte[] content, string feed, string? httpCharset = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(feed);
        try
        {
            return ToParsedFeed(Read(content, httpCharset), feed);
        }
        catch (Exception ex) when (ex is not (FeedParseException or OutOfMemoryException))
        {
            // The repairs and the mapping run outside FeedReader; whatever they trip over is still one feed's error.
            throw new FeedParseException($"unreadable feed ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    private static Feed Read(byte[] content, string? httpCharset)
    {
        var text = FeedTextDecoder.Decode(content, httpCharset).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.Length == 0)
            throw new FeedParseException("empty body");
        if (text[0] == '{')
            return ReadWithFeedReader(text, "JSON");
        if (text[0] != '<')
            throw new FeedParseException("not a feed: the body is neither XML nor JSON");

        var xml = FeedMarkupRepair.Repair(text);
        var root = FeedDocumentSniffer.RootElementName(xml);
        if (root is null)
            throw new FeedParseException("not a feed: no root element");
        if (root.Equals("html", StringComparison.OrdinalIgnoreCase))
            throw new FeedParseException("not a feed: HTML page");
        return ReadXml(xml);
    }

    /// <summary>
    /// Reads XML with FeedReader; when that fails, repairs what can be repaired (declarations, truncation,
    /// then the structure FeedReader expects) and tries once more, reporting the first reason if it still fails.
    /// </summary>
    private static Feed ReadXml(string xml)
    {
        try
        {
            return ReadWithFeedReader(xml, "XML");
        }
        catch (FeedParseException first)
        {
            try
            {
                var wellFormed = first.InnerException is XmlException ? XmlSyntaxRepair.TryRepair(xml) ?? xml : xml;
                var repaired = FeedStructureRepair.TryRepair(wellFormed) ?? wellFormed;
                if (!ReferenceEquals(repaired, xml)) return ReadWithFeedReader(repaired, "XML");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The repair did not help; the reason worth reporting is the original one.
            }

            throw;
        }
    }

    private static Feed ReadWithFeedReader(string text, string syntax)
    {
        try
        {
            return FeedReader.ReadFromString(text);
        }
        catch (XmlException ex)
        {
            // FeedReader reads JSON through an XML reader, so malformed JSON surfaces as an XmlException too.
            throw new FeedParseException($"malformed {syntax}: {ex.Message}", ex);
        }
        catch (FeedTypeNotSupportedException ex)
        {
            throw new FeedParseException($"not a feed: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // FeedReader has no exception contract: malformed feeds surface as NullReference, Format,
            // Serialization or Argument exceptions from deep inside it.
            throw new FeedParseException($"unreadable {syntax} feed ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    private static ParsedFeed ToParsedFeed(Feed parsed, string feed)
    {
        var baseUri = AbsoluteHttpUri(feed) ?? AbsoluteHttpUri(parsed.Link);
        var items = new List<NewsItem>(parsed.Items.Count);
        foreach (var item in parsed.Items)
        {
            var link = ResolveLink(baseUri, item.Link);
            var summary = string.IsNullOrEmpty(item.Description) ? NullIfEmpty(item.Content) : item.Description;
            var published = PublishedOf(item);
            items.Add(new NewsItem
            {
                Feed = feed,
                Id = ItemIdentity.Of(item.Id, link, item.Title, summary, published),
                Title = item.Title?.Trim() ?? "",
                Link = link,
                Summary = summary,
                Published = published,
            });
        }

        return new ParsedFeed(NullIfEmpty(parsed.Title?.Trim()), items) { TimeToLive = TimeToLiveOf(parsed) };
    }

    private static DateTimeOffset? PublishedOf(FeedItem item)
    {
        var text = item.PublishingDateString;
        if (string.IsNullOrWhiteSpace(text) && item.SpecificItem is AtomFeedItem atom) text = atom.UpdatedDateString;
        if (!string.IsNullOrWhiteSpace(text)
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed;

        // FeedReader understands a few more formats (time-zone names such as "EST"); it returns UTC or unspecified.
        var fallback = item.PublishingDate ?? (item.SpecificItem as AtomFeedItem)?.UpdatedDate;
        if (fallback is not { } value) return null;
        return value.Kind == DateTimeKind.Local
            ? new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero)
            : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }

    private static TimeSpan? TimeToLiveOf(Feed parsed) =>
        parsed.SpecificFeed is Rss20Feed rss && int.TryParse(rss.TTL, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes)
            : null;

    private static string? ResolveLink(Uri? baseUri, string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        link = link.Trim();
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && !absolute.IsFile) return absolute.ToString();
        return baseUri is not null && Uri.TryCreate(baseUri, link, out var resolved) ? resolved.ToString() : link;
    }

    private static Uri? AbsoluteHttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsMonitor.Feeds;

/// <summary>
/// Pure functions that recognise one story arriving through several feeds: a canonical link (tracking
/// parameters, fragments, default ports and case differences removed) and a fingerprint of the title
/// (markup, case, width, diacritics and punctuation removed). The pipeline keeps the keys it has alerted
/// and treats an item matching any of them as the same story.
/// </summary>
public static partial class StoryKey
{
    /// <summary>Titles with fewer significant characters than this are too generic ("News", "Update") to identify a story.</summary>
    public const int MinimumTitleFingerprintLength = 12;

    /// <summary>Query parameters that only tell a publisher where a click came from.</summary>
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "igshid", "twclid", "ttclid", "wickedid",
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok",
        "_openstat", "oly_anon_id", "oly_enc_id", "vero_id", "rb_clickid", "s_cid", "ncid", "ocid", "cmpid",
        "at_medium", "at_campaign", "guccounter", "guce_referrer", "guce_referrer_sig",
    };

    /// <summary>
    /// The canonical form of an absolute http(s) link, or null when <paramref name="link"/> is not one:
    /// lower-case scheme and host, no default port, no fragment, no <c>utm_*</c> or other tracking parameter.
    /// The remaining parameters keep their order, because some sites route on it.
    /// </summary>
    public static string? CanonicalLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return null;

        var builder = new StringBuilder(link.Length);
        builder.Append(uri.Scheme).Append("://").Append(uri.IdnHost.ToLowerInvariant());
        if (!uri.IsDefaultPort) builder.Append(':').Append(uri.Port.ToString(CultureInfo.InvariantCulture));
        builder.Append(uri.AbsolutePath);

        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTrackingParameter(pair.Split('=', 2)[0]))
            .ToArray();
        if (kept.Length > 0) builder.Append('?').AppendJoin('&', kept);
        return builder.ToString();
    }

    /// <summary>
    /// A key for comparing links across feeds, where one publisher's http and https or www and bare host
    /// name the same page: the canonical link without scheme and without a leading <c>www.</c>.
    /// </summary>
    public static string? LinkKey(string? link)
    {
        var canonical = CanonicalLink(link);
        if (canonical is null) return null;
        var withoutScheme = canonical[(canonical.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return withoutScheme.StartsWith("www.", StringComparison.Ordinal) ? withoutScheme[4..] : withoutScheme;
    }

    /// <summary>
    /// The title reduced to its words: tags stripped, entities decoded, NFKC (full-width Latin folds to
    /// ASCII), lower-cased, diacritics removed, punctuation and spacing collapsed to single spaces.
    /// Returns null when too little is left to identify a story.
    /// </summary>
    public static string? TitleFingerprint(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var text = WebUtility.HtmlDecode(HtmlTag().Replace(title, " ")).Normalize(NormalizationForm.FormKC);

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        var fingerprint = builder.ToString().Normalize(NormalizationForm.FormC);
        return fingerprint.Count(c => c != ' ') >= MinimumTitleFingerprintLength || IsMostlyIdeographic(fingerprint) && fingerprint.Length >= 6
            ? fingerprint
            : null;
    }

    /// <summary>
    /// True when two titles name the same story though a publisher edited a word or appended its name:
    /// the word sets (character bigrams for CJK titles, which have no spaces) overlap by at least
    /// <paramref name="threshold"/> (Jaccard similarity).
    /// </summary>
    public static bool AreNearDuplicateTitles(string? first, string? second, double threshold = 0.8)
    {
        var a = TitleFingerprint(first);
        var b = TitleFingerprint(second);
        if (a is null || b is null) return false;
        return a == b || AreNearDuplicateTokenSets(FingerprintTokens(a), FingerprintTokens(b), threshold);
    }

    /// <summary>The words of a <see cref="TitleFingerprint"/> (character bigrams for CJK), as compared by <see cref="AreNearDuplicateTitles"/>.</summary>
    public static IReadOnlySet<string> FingerprintTokens(string fingerprint) => Tokens(fingerprint);

    /// <summary><see cref="AreNearDuplicateTitles"/> on token sets already computed (<see cref="FingerprintTokens"/>).</summary>
    public static bool AreNearDuplicateTokenSets(IReadOnlySet<string> first, IReadOnlySet<string> second, double threshold = 0.8)
    {
        var shared = first.Count(second.Contains);
        var union = first.Count + second.Count - shared;
        return union > 0 && (double)shared / union >= threshold;
    }

    /// <summary>Every key under which <paramref name="item"/> can meet the same story from another feed.</summary>
    public static IReadOnlyList<string> KeysOf(NewsItem item)
    {
        var keys = new List<string>(2);
        if (LinkKey(item.Link) is { } link) keys.Add("link:" + link);
        if (TitleFingerprint(item.Title) is { } title) keys.Add("title:" + title);
        return keys;
    }

    private static bool IsTrackingParameter(string name)
    {
        var decoded = Uri.UnescapeDataString(name);
        return decoded.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(decoded);
    }

    private static HashSet<string> Tokens(string fingerprint)
    {
        if (!IsMostlyIdeographic(fingerprint))
            return new HashSet<string>(fingerprint.Split(' '), StringComparer.Ordinal);
        var compact = fingerprint.Replace(" ", "", StringComparison.Ordinal);
        var bigrams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < compact.Length; i++) bigrams.Add(compact.Substring(i, 2));
        return bigrams;
    }

    private static bool IsMostlyIdeographic(string text)
    {
        var letters = 0;
        var ideographic = 0;
        foreach (var c in text)
        {
            if (c == ' ') continue;
            letters++;
            if (c >= '\u3040' && c <= '\u30FF' || c >= '\u3400' && c <= '\u9FFF' || c >= '\uAC00' && c <= '\uD7AF') ideographic++;
        }

        return letters > 0 && ideographic * 2 >= letters;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex HtmlTag();
}

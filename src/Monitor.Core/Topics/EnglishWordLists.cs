namespace NewsMonitor.Topics;

/// <summary>Word lists the deriver uses to tell content from function words and distinctive words from everyday news vocabulary.</summary>
internal static class EnglishWordLists
{
    /// <summary>Function words: they split phrases (RAKE) and never start or end a name.</summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "according", "after", "again", "against", "all", "also", "although", "am", "an", "and", "any", "are",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just",
        "least", "less", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off", "on",
        "once", "one", "only", "or", "other", "our", "out", "over", "own", "per", "possible", "same", "says", "said", "say", "she",
        "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "them", "then", "there", "therefore",
        "these", "they", "this", "those", "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us",
        "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with",
        "within", "without", "would", "yet", "you", "your", "two", "three", "four", "first", "second", "new", "time", "year",
        "years", "day", "days", "way", "many", "both", "means", "by", "long", "likely", "top", "biggest", "good", "next", "early",
        "well", "made", "make", "set", "take", "put", "get", "see", "tries", "try", "believe", "believes", "points", "reports",
        "reported", "published", "showed", "shows", "worked", "want", "still", "agreed", "agree", "visit", "met", "meet",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr",
    };

    /// <summary>Everyday news vocabulary and the biggest countries and capitals: real but weak signals of what an article is about.</summary>
    public static readonly HashSet<string> CommonNewsWords = new(StringComparer.Ordinal)
    {
        "government", "president", "minister", "prime", "party", "country", "countries", "nation", "national", "state", "states",
        "united", "relations", "relation", "policy", "talks", "issue", "issues", "side", "sides", "leader", "leaders", "people",
        "official", "officials", "public", "opinion", "economic", "economy", "cooperation", "development", "agreement", "signing",
        "news", "newspaper", "daily", "editor", "times", "global", "world", "international", "foreign", "head", "basis", "result",
        "results", "lessons", "stage", "ground", "ties", "distance", "independence", "confidence", "progress", "respondents",
        "survey", "agency", "percent", "week", "month", "today", "yesterday", "japan", "japanese", "russia", "russian", "china",
        "chinese", "american", "america", "u.s.", "us", "washington", "moscow", "tokyo", "beijing", "europe", "european", "korea", "india",
        "britain", "british", "france", "germany", "ukraine", "security", "troops", "military", "islands", "island", "territorial",
        "dispute", "disputes", "negotiations", "documents", "diplomatic", "diplomacy", "personal", "complete", "return", "zones",
    };

    /// <summary>Countries and capitals: the context of an article's subjects (what a derived list like @japan_russia holds).</summary>
    public static readonly Dictionary<string, string> ContextPlaces = new(StringComparer.Ordinal)
    {
        ["japan"] = "japan", ["japanese"] = "japan", ["tokyo"] = "japan", ["russia"] = "russia", ["russian"] = "russia", ["moscow"] = "russia",
        ["china"] = "china", ["chinese"] = "china", ["beijing"] = "china", ["korea"] = "korea", ["seoul"] = "korea", ["ukraine"] = "ukraine",
        ["kyiv"] = "ukraine", ["america"] = "us", ["washington"] = "us", ["india"] = "india", ["britain"] = "uk", ["london"] = "uk",
        ["france"] = "france", ["paris"] = "france", ["germany"] = "germany", ["berlin"] = "germany",
        ["япони"] = "japan", ["токио"] = "japan", ["росси"] = "russia", ["москв"] = "russia", ["китаи"] = "china", ["пекин"] = "china", ["украин"] = "ukraine",
    };

    /// <summary>Generic heads of place names: "Habomai Islands" is proposed as "Habomai".</summary>
    public static readonly HashSet<string> PlaceHeads = new(StringComparer.Ordinal)
    {
        "island", "islands", "islets", "isles", "archipelago", "sea", "strait", "peninsula", "lake", "river", "bay", "mountains", "region",
    };
}

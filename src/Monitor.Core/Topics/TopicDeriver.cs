using System.Text.RegularExpressions;
using NewsMonitor.Matching;

namespace NewsMonitor.Topics;

/// <summary>
/// Proposes watch topics from an article: entity-like names (runs of capitalised words that are not just
/// sentence starts) and keyphrases (RAKE-style runs of content words between function words and
/// punctuation). Each is scored by how often it occurs (on normalised text, so "Peace Treaty" counts for
/// "peace treaty"), how distinctive its words are (everyday news words and big countries weigh less),
/// its length and kind, and comes with a query to start from.
/// </summary>
public sealed partial class TopicDeriver
{
    private const double NameWeight = 1.5;
    private const double SingleKeywordWeight = 0.6;
    private const double CommonWordSpecificity = 0.3;
    private const int MaxPhraseWords = 4;
    private const int MinPrefixStem = 5;

    private readonly record struct Token(string Text, bool Capitalised, bool SentenceStart);

    private sealed record Proposal(string Phrase, string Kind, string[] Words, bool PlaceCore);

    private const double PersonWeight = 0.35;

    /// <summary>The best <paramref name="top"/> candidates, best first.</summary>
    public IReadOnlyList<TopicCandidate> Derive(string articleText, int top) => DeriveWithContext(articleText, top).Candidates;

    /// <summary>
    /// The best candidates and a proposed term list of the article's context (its main countries and capitals, e.g.
    /// <c>japan_russia</c>); candidates made of everyday words ("peace treaty") get a query that requires that context.
    /// Publisher boilerplate (masthead, dateline agency, footer) is skipped; people are ranked below places and subjects;
    /// Russian words are matched whatever their case ending; Japanese and Chinese articles are split by script.
    /// </summary>
    public TopicDerivation DeriveWithContext(string articleText, int top)
    {
        ArgumentNullException.ThrowIfNull(articleText);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        articleText = ArticleBoilerplate.Strip(articleText);
        if (CjkKeyphrases.IsMostlyCjk(articleText)) return new TopicDerivation(CjkKeyphrases.Derive(articleText, top), new Dictionary<string, IReadOnlyList<string>>());
        var people = PersonNames.Find(articleText);
        var chunks = Chunks(articleText);
        var lowercaseSeen = chunks.SelectMany(c => c).Where(t => !t.Capitalised).Select(t => t.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var proposals = new Dictionary<string, Proposal>(StringComparer.Ordinal);
        foreach (var chunk in chunks)
        {
            foreach (var name in Names(chunk, lowercaseSeen)) Add(proposals, name);
            foreach (var phrase in Keyphrases(chunk)) Add(proposals, phrase);
        }

        var normalizedArticle = " " + StemCyrillic(TextNormalizer.Normalize(articleText)) + " ";
        var counted = proposals.Values
            .Select(p => (Proposal: p, Count: CountOccurrences(normalizedArticle, Key(p.Words))))
            .Where(p => p.Count > 0)
            .ToList();
        var context = ContextList(counted);
        var candidates = DropSubsumed(counted)
            .Select(p => Candidate(p.Proposal, p.Count))
            .Select(c => IsPerson(c, people) ? c with { Score = Math.Round(c.Score * PersonWeight, 3), Kind = TopicCandidate.PersonKind } : c)
            .Select(c => context is { } list && c.Kind == TopicCandidate.KeyphraseKind
                ? c with { Context = list.Name, ContextQuery = $"{c.SuggestedQuery} NEAR/20 @{list.Name}" }
                : c)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Phrase, StringComparer.Ordinal)
            .Take(top)
            .ToArray();
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (context is { } found) lists[found.Name] = found.Terms;
        return new TopicDerivation(candidates, lists);
    }

    private static bool IsPerson(TopicCandidate candidate, HashSet<string> people) =>
        candidate.Kind == TopicCandidate.NameKind && candidate.Phrase.Split(' ').All(w => people.Contains(w.ToLowerInvariant()));

    /// <summary>
    /// The article's context: the countries and capitals it names (capitalised everyday words such as Japan, Russia,
    /// Tokyo, Moscow), most frequent first, as a list named after the first two ("japan_russia").
    /// </summary>
    private static (string Name, IReadOnlyList<string> Terms)? ContextList(List<(Proposal Proposal, int Count)> counted)
    {
        var places = counted
            .Where(p => p.Proposal.Kind == TopicCandidate.NameKind && p.Proposal.Words.Length == 1)
            .Select(p => (Word: Key(p.Proposal.Words), p.Count))
            .Where(p => EnglishWordLists.ContextPlaces.ContainsKey(p.Word) && p.Word.All(char.IsLetter))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Word, StringComparer.Ordinal)
            .Take(4)
            .ToArray();
        var named = places.Select(p => EnglishWordLists.ContextPlaces[p.Word]).Distinct(StringComparer.Ordinal).ToArray();
        if (named.Length < 2) return null;
        var terms = places.Select(p => p.Word.Length >= MinPrefixStem || RussianWordLists.IsCyrillic(p.Word) ? p.Word + "*" : p.Word).ToArray();
        return ($"{named[0]}_{named[1]}", terms);
    }

    private static string StemCyrillic(string normalized) =>
        string.Join(' ', normalized.Split(' ').Select(w => RussianWordLists.IsCyrillic(w) ? RussianWordLists.Stem(w) : w));

    private static bool IsStopWord(string lower) => EnglishWordLists.StopWords.Contains(lower) || RussianWordLists.StopWords.Contains(lower);

    /// <summary>Splits the text at punctuation that ends a phrase; hyphens and spaces keep words together.</summary>
    private static List<List<Token>> Chunks(string text)
    {
        var chunks = new List<List<Token>>();
        var current = new List<Token>();
        var sentenceStart = true;
        foreach (Match m in TokenPattern().Matches(text))
        {
            if (m.Groups["break"].Success)
            {
                if (current.Count > 0) chunks.Add(current);
                current = new List<Token>();
                if (m.Value.AsSpan().IndexOfAny(".!?\n") >= 0) sentenceStart = true;
                continue;
            }
            var word = PossessiveEnding().Replace(m.Groups["word"].Value, "");
            current.Add(new Token(word, char.IsUpper(word[0]), sentenceStart));
            sentenceStart = false;
        }
        if (current.Count > 0) chunks.Add(current);
        return chunks;
    }

    /// <summary>Runs of capitalised words. A lone sentence-initial word counts only if the article never writes it in lower case.</summary>
    private static IEnumerable<Proposal> Names(List<Token> chunk, HashSet<string> lowercaseSeen)
    {
        var run = new List<Token>();
        foreach (var token in chunk.Append(new Token("", false, false)))
        {
            var lower = token.Text.ToLowerInvariant();
            if (token.Capitalised && !IsStopWord(lower)) { run.Add(token); continue; }
            if (run.Count > 0 && !(run.Count == 1 && run[0].SentenceStart && lowercaseSeen.Contains(run[0].Text.ToLowerInvariant())))
            {
                var words = run.Select(t => t.Text).ToArray();
                yield return new Proposal(string.Join(' ', words), TopicCandidate.NameKind, words, false);
                // "Habomai Islands" → also "Habomai", the part a query should look for.
                if (words.Length > 1 && EnglishWordLists.PlaceHeads.Contains(words[^1].ToLowerInvariant()))
                    yield return new Proposal(string.Join(' ', words[..^1]), TopicCandidate.NameKind, words[..^1], true);
            }
            run.Clear();
        }
    }

    /// <summary>RAKE: maximal runs of lower-case content words between function words and punctuation.</summary>
    private static IEnumerable<Proposal> Keyphrases(List<Token> chunk)
    {
        var run = new List<string>();
        foreach (var token in chunk.Append(new Token("", true, false)))
        {
            var lower = token.Text.ToLowerInvariant();
            if (!token.Capitalised && !IsStopWord(lower) && !lower.All(char.IsDigit))
            {
                run.Add(token.Text);
                continue;
            }
            if (run.Count is > 0 and <= MaxPhraseWords)
                yield return new Proposal(string.Join(' ', run), TopicCandidate.KeyphraseKind, run.ToArray(), false);
            run.Clear();
        }
    }

    private static void Add(Dictionary<string, Proposal> proposals, Proposal proposal)
    {
        var key = Key(proposal.Words);
        if (key.Length == 0) return;
        // A name outranks a keyphrase with the same words ("Northern Territories" vs "northern territories").
        if (!proposals.TryGetValue(key, out var existing) || (existing.Kind != proposal.Kind && proposal.Kind == TopicCandidate.NameKind))
            proposals[key] = proposal;
    }

    private static string Key(string[] words) => StemCyrillic(TextNormalizer.Normalize(string.Join(' ', words)));

    private static int CountOccurrences(string normalizedArticle, string key)
    {
        var count = 0;
        var needle = " " + key + " ";
        for (var at = normalizedArticle.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = normalizedArticle.IndexOf(needle, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>
    /// Of a phrase and a longer one containing it, keep one: the longer if it accounts for every occurrence
    /// (the shorter adds nothing), the shorter if the longer occurs once; a place name's core always wins.
    /// </summary>
    private static IEnumerable<(Proposal Proposal, int Count)> DropSubsumed(List<(Proposal Proposal, int Count)> all)
    {
        var keys = all.Select(p => " " + Key(p.Proposal.Words) + " ").ToArray();
        var dropped = new bool[all.Count];
        for (var a = 0; a < all.Count; a++)
        {
            for (var b = 0; b < all.Count; b++)
            {
                if (a == b || dropped[a] || dropped[b] || keys[b].Length <= keys[a].Length || !keys[b].Contains(keys[a], StringComparison.Ordinal)) continue;
                if (all[a].Proposal.PlaceCore) dropped[b] = true;
                else if (all[a].Count == all[b].Count) dropped[a] = true;
                else if (all[b].Count == 1) dropped[b] = true;
            }
        }
        return all.Where((_, i) => !dropped[i]);
    }

    private static TopicCandidate Candidate(Proposal proposal, int count)
    {
        var words = proposal.Words.Select(w => w.ToLowerInvariant()).ToArray();
        var specificity = words.Average(w => EnglishWordLists.CommonNewsWords.Contains(w) || RussianWordLists.CommonNewsWords.Contains(RussianWordLists.Stem(TextNormalizer.Normalize(w))) ? CommonWordSpecificity : 1.0);
        var kind = proposal.Kind == TopicCandidate.NameKind ? NameWeight : words.Length == 1 ? SingleKeywordWeight : 1.0;
        var length = 1 + 0.25 * (words.Length - 1);
        return new TopicCandidate
        {
            Phrase = proposal.Phrase,
            Kind = proposal.Kind,
            Occurrences = count,
            Score = Math.Round((1 + Math.Log(count)) * specificity * kind * length, 3),
            SuggestedQuery = SuggestedQuery(TextNormalizer.Normalize(proposal.Phrase), proposal.Kind),
            SuggestedId = SuggestedId(proposal.Phrase),
        };
    }

    /// <summary>
    /// A query for the phrase whose last word may take endings: plurals, possessives, case endings
    /// ("peace treat*" finds treaty and treaties). Only endings are added: cutting into a name would widen
    /// it to other names (shikot* would find Lake Shikotsu).
    /// </summary>
    private static string SuggestedQuery(string normalized, string kind)
    {
        var words = normalized.Split(' ');
        var last = words[^1];
        if (RussianWordLists.IsCyrillic(last) && RussianWordLists.Stem(last) is var stem && stem.Length >= 4 && last.All(char.IsLetter))
            words[^1] = stem + "*"; // Шикотане → шикотан*: every case ending
        else if (last.Length >= MinPrefixStem && last.All(char.IsLetter))
            words[^1] = (kind == TopicCandidate.KeyphraseKind && last.EndsWith('y') ? last[..^1] : last) + "*";
        var query = string.Join(' ', words);
        return words.Length > 1 ? $"\"{query}\"" : query;
    }

    private static string SuggestedId(string phrase)
    {
        var id = NonIdCharacters().Replace(TextNormalizer.Normalize(phrase), "-").Trim('-');
        return id.Length > 64 ? id[..64].TrimEnd('-') : id;
    }

    [GeneratedRegex(@"(?<word>\p{L}\.(?:\p{L}\.)+|[\p{L}\p{N}]+(?:['’]\p{L}+)?)|(?<break>[.,;:!?()\[\]""“”«»—–]+|\r?\n)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("['’]s$")]
    private static partial Regex PossessiveEnding();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonIdCharacters();
}

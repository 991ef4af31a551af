using NewsMonitor.Matching;
using NewsMonitor.Topics;

namespace NewsMonitor.Relevance;

/// <summary>
/// Proposes edits of a topic's query from its labelled examples (users' feedback and labels files) and measures each
/// one by running the edited query over the same examples:
/// <list type="bullet">
/// <item>exclusions: a word or term list found in the false positives and in none of the matched relevant items;</item>
/// <item>required context: a word or term list found in every matched relevant item and in no false positive;</item>
/// <item>extra synonyms: a word found in the missed relevant items and in no irrelevant example.</item>
/// </list>
/// Only edits that fix at least one mistake are returned, those that lose no relevant match first.
/// </summary>
public static class QuerySuggester
{
    private const int CandidatesPerKind = 8;
    private const int MinWordLength = 4;

    public static TopicSuggestions Suggest(Topic topic, IReadOnlyList<LabelledExample> examples, int max = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(examples);
        var baseline = Matched(topic, topic.Query, examples);
        var relevant = examples.Select(e => e.HasLabel(topic.Id)).ToArray();
        var falsePositives = Indexes(examples, i => baseline[i] && !relevant[i]);
        var truePositives = Indexes(examples, i => baseline[i] && relevant[i]);
        var falseNegatives = Indexes(examples, i => !baseline[i] && relevant[i]);
        var negatives = Indexes(examples, i => !relevant[i]);
        var tokens = examples.Select(Tokens).ToArray();
        var lists = topic.Lists ?? TermLists.Empty;
        var listHits = lists.Names.ToDictionary(name => name, name => Matched(topic, "@" + name, examples), StringComparer.Ordinal);

        var edits = new List<(string Kind, string Edit, string Query, string Reason)>();
        var wrapped = $"({topic.Query})";
        if (falsePositives.Length > 0)
        {
            foreach (var (name, hits) in listHits.Where(l => falsePositives.Any(i => l.Value[i]) && truePositives.All(i => !l.Value[i])).OrderByDescending(l => falsePositives.Count(i => l.Value[i])).Take(CandidatesPerKind))
                edits.Add((QuerySuggestion.Exclusion, "-@" + name, $"{wrapped} -@{name}", $"a term of @{name} is in {falsePositives.Count(i => hits[i])} false positive(s) and in no matched relevant item"));
            foreach (var (word, count) in Frequent(falsePositives, tokens, exceptIn: truePositives))
                edits.Add((QuerySuggestion.Exclusion, $"-{Term(word)}", $"{wrapped} -{Term(word)}", $"\"{word}\" is in {count} false positive(s) and in no matched relevant item"));
            if (truePositives.Length > 0)
            {
                foreach (var (name, _) in listHits.Where(l => truePositives.All(i => l.Value[i]) && falsePositives.Any(i => !l.Value[i])).Take(CandidatesPerKind))
                    edits.Add((QuerySuggestion.RequiredContext, "@" + name, $"{wrapped} @{name}", $"every matched relevant item has a term of @{name}, {falsePositives.Count(i => !listHits[name][i])} false positive(s) have none"));
                foreach (var (word, _) in Common(truePositives, tokens, absentFrom: falsePositives))
                    edits.Add((QuerySuggestion.RequiredContext, Term(word), $"{wrapped} {Term(word)}", $"\"{word}\" is in every matched relevant item and in no false positive"));
            }
        }
        if (falseNegatives.Length > 0)
        {
            foreach (var (word, count) in Frequent(falseNegatives, tokens, exceptIn: negatives))
                edits.Add((QuerySuggestion.Synonym, $"OR {Term(word)}", $"{wrapped} OR {Term(word)}", $"\"{word}\" is in {count} missed relevant item(s) and in no irrelevant example"));
        }

        var (precisionBefore, recallBefore) = Scores(baseline, relevant);
        var suggestions = new List<QuerySuggestion>();
        foreach (var (kind, edit, query, reason) in edits.DistinctBy(e => e.Query))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!TopicQuery.TryParse(query, lists, out _, out _)) continue;
            var after = Matched(topic, query, examples);
            var gained = Indexes(examples, i => after[i] && !baseline[i]).Select(i => Change(examples[i], relevant[i])).ToArray();
            var lost = Indexes(examples, i => !after[i] && baseline[i]).Select(i => Change(examples[i], relevant[i])).ToArray();
            var (precisionAfter, recallAfter) = Scores(after, relevant);
            var suggestion = new QuerySuggestion(kind, edit, query, reason, gained, lost, precisionBefore, recallBefore, precisionAfter, recallAfter);
            if (suggestion.Fixed > 0) suggestions.Add(suggestion);
        }
        var ranked = suggestions
            .OrderBy(s => s.LostRelevant + s.Gained.Count(c => !c.Relevant))
            .ThenByDescending(s => s.Fixed)
            .ThenBy(s => s.Kind == QuerySuggestion.Exclusion && s.Edit.StartsWith("-@", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(s => s.Query.Length)
            .Take(max)
            .ToArray();
        return new TopicSuggestions(topic.Id, topic.Query, examples.Count, relevant.Count(r => r), ranked);
    }

    private static bool[] Matched(Topic topic, string query, IReadOnlyList<LabelledExample> examples)
    {
        var matcher = TopicMatcher.Compile([topic with { Query = query }]);
        return examples.Select(e => matcher.Match(e.ToNewsItem()).Count > 0).ToArray();
    }

    private static int[] Indexes(IReadOnlyList<LabelledExample> examples, Func<int, bool> condition) =>
        Enumerable.Range(0, examples.Count).Where(condition).ToArray();

    private static ExampleChange Change(LabelledExample example, bool relevant) => new(example.Id, example.Title, relevant);

    private static (double Precision, double Recall) Scores(bool[] matched, bool[] relevant)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < matched.Length; i++)
        {
            if (matched[i] && relevant[i]) tp++;
            else if (matched[i]) fp++;
            else if (relevant[i]) fn++;
        }
        return (tp + fp == 0 ? 1 : tp / (double)(tp + fp), tp + fn == 0 ? 1 : tp / (double)(tp + fn));
    }

    /// <summary>Words most frequent among <paramref name="among"/> that none of <paramref name="exceptIn"/> has.</summary>
    private static IEnumerable<(string Word, int Count)> Frequent(int[] among, HashSet<string>[] tokens, int[] exceptIn) =>
        among.SelectMany(i => tokens[i])
            .Where(word => exceptIn.All(i => !tokens[i].Contains(word)))
            .GroupBy(word => word, StringComparer.Ordinal)
            .Select(g => (Word: g.Key, Count: g.Count()))
            .OrderByDescending(w => w.Count).ThenByDescending(w => w.Word.Length).ThenBy(w => w.Word, StringComparer.Ordinal)
            .Take(CandidatesPerKind);

    /// <summary>Words every one of <paramref name="all"/> has and none of <paramref name="absentFrom"/>.</summary>
    private static IEnumerable<(string Word, int Count)> Common(int[] all, HashSet<string>[] tokens, int[] absentFrom) =>
        tokens[all[0]]
            .Where(word => all.All(i => tokens[i].Contains(word)) && absentFrom.All(i => !tokens[i].Contains(word)))
            .OrderByDescending(word => word.Length).ThenBy(word => word, StringComparer.Ordinal)
            .Select(word => (word, all.Length))
            .Take(CandidatesPerKind);

    /// <summary>
    /// The candidate words of an example, normalised as the matcher sees them: alphabetic words of 4+ letters that are not
    /// function words, and pairs of adjacent CJK characters (CJK text has no spaces to split on).
    /// </summary>
    private static HashSet<string> Tokens(LabelledExample example)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in TextNormalizer.Normalize(example.Title + " \n " + example.Summary).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TextNormalizer.IsCjk(word[0]))
            {
                for (var i = 0; i + 1 < word.Length; i++)
                {
                    if (TextNormalizer.IsCjk(word[i]) && TextNormalizer.IsCjk(word[i + 1])) words.Add(word.Substring(i, 2));
                }
            }
            else if (word.Length >= MinWordLength && word.All(char.IsLetter) && !EnglishWordLists.StopWords.Contains(word))
            {
                words.Add(word);
            }
        }
        return words;
    }

    /// <summary>A word as a query term: quoted, so that no word is read as an operator.</summary>
    private static string Term(string word) => $"\"{word}\"";
}

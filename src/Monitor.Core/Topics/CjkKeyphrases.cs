using System.Text.RegularExpressions;

namespace NewsMonitor.Topics;

/// <summary>
/// Candidate phrases of a Japanese or Chinese article, which has no spaces or capitals to go by: runs of kanji/hanzi
/// and katakana (hiragana particles split them), and their parts of 2–6 characters that recur, keeping the longest
/// form that accounts for the occurrences (平和条約 rather than 平和 when both occur as often).
/// </summary>
internal static partial class CjkKeyphrases
{
    private const int MinLength = 2;
    private const int MaxLength = 6;

    /// <summary>Everyday words of Japanese and Chinese news: weak signals of what an article is about.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "日本", "政府", "首相", "大統領", "会談", "関係", "問題", "今回", "発表", "記者", "会見", "外相", "外務省", "両国", "首脳", "方針", "協議",
        "交渉", "合意", "年月", "ロシア", "中国", "米国", "アメリカ", "总统", "政府", "问题", "关系", "会谈", "表示", "俄罗斯", "美国", "两国",
    };

    public static bool IsMostlyCjk(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (Matching.TextNormalizer.IsCjk(c)) cjk++;
        }
        return letters > 0 && cjk * 2 > letters;
    }

    public static IReadOnlyList<TopicCandidate> Derive(string text, int top)
    {
        var runs = Run().Matches(text).Select(m => m.Value).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in runs.Distinct(StringComparer.Ordinal))
        {
            for (var length = MinLength; length <= Math.Min(MaxLength, run.Length); length++)
            {
                for (var start = 0; start + length <= run.Length; start++)
                {
                    var part = run.Substring(start, length);
                    if (!counts.ContainsKey(part)) counts[part] = CountIn(text, part);
                }
            }
        }
        var recurring = counts.Where(kv => kv.Value >= 2 || runs.Contains(kv.Key, StringComparer.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        // A part adds nothing when a longer phrase containing it occurs as often.
        var kept = recurring.Where(kv => !recurring.Any(o => o.Key.Length > kv.Key.Length && o.Value >= kv.Value && o.Key.Contains(kv.Key, StringComparison.Ordinal)));
        return kept
            .Select(kv => new TopicCandidate
            {
                Phrase = kv.Key,
                Kind = TopicCandidate.KeyphraseKind,
                Occurrences = kv.Value,
                Score = Math.Round((1 + Math.Log(kv.Value)) * (1 + 0.25 * (kv.Key.Length - MinLength)) * (Common.Contains(kv.Key) ? 0.3 : 1.0), 3),
                SuggestedQuery = kv.Key,
                SuggestedId = "cjk-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(kv.Key)))[..8],
            })
            .OrderByDescending(c => c.Score).ThenBy(c => c.Phrase, StringComparer.Ordinal)
            .Take(top)
            .ToArray();
    }

    private static int CountIn(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{2,}")]
    private static partial Regex Run();
}

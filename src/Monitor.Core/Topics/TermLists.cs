using System.Text.RegularExpressions;

namespace NewsMonitor.Topics;

/// <summary>
/// Named term lists of a topics file (<c>"lists": {"japan_russia": ["japan russia", "日ロ", …]}</c>), used in
/// queries as <c>@japan_russia</c>: a list stands for the OR of its terms, so a block of synonyms is written once
/// and shared by every query that needs it. An entry is a word or a phrase written without quotes (its words may end
/// in '*'), or <c>@other</c> to include another list.
/// </summary>
public sealed partial class TermLists
{
    private readonly Dictionary<string, IReadOnlyList<string>> _lists;

    public TermLists(IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        _lists = new Dictionary<string, IReadOnlyList<string>>(lists, StringComparer.Ordinal);
    }

    public static TermLists Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The list names, in no particular order.</summary>
    public IEnumerable<string> Names => _lists.Keys;

    public int Count => _lists.Count;

    /// <summary>Every list as written (entries unexpanded), for writing a topics file back out.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> All => _lists;

    public bool TryGet(string name, out IReadOnlyList<string> entries)
    {
        if (_lists.TryGetValue(name, out var found))
        {
            entries = found;
            return true;
        }
        entries = [];
        return false;
    }

    /// <summary>The entries of a list with its included lists expanded, each term once, in order of first appearance.</summary>
    /// <exception cref="QueryParseException">The list, or one it includes, is unknown or includes itself.</exception>
    public IReadOnlyList<string> Expand(string name, int position = 0)
    {
        var terms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Expand(name, position, terms, seen, new Stack<string>());
        return terms;
    }

    private void Expand(string name, int position, List<string> into, HashSet<string> seen, Stack<string> path)
    {
        if (path.Contains(name))
            throw new QueryParseException($"term list '@{name}' includes itself ({string.Join(" → ", path.Reverse().Append(name).Select(n => "@" + n))})", position);
        if (!_lists.TryGetValue(name, out var entries))
        {
            var known = _lists.Count == 0 ? "this topics file defines no lists" : "known lists: " + string.Join(", ", _lists.Keys.Order(StringComparer.Ordinal).Select(n => "@" + n));
            throw new QueryParseException(path.Count == 0
                ? $"unknown term list '@{name}' ({known})"
                : $"term list '@{path.Peek()}' includes an unknown list '@{name}' ({known})", position);
        }
        path.Push(name);
        foreach (var entry in entries)
        {
            var trimmed = entry.Trim();
            if (trimmed.StartsWith('@')) Expand(trimmed[1..], position, into, seen, path);
            else if (trimmed.Length > 0 && seen.Add(trimmed)) into.Add(trimmed);
        }
        path.Pop();
    }

    /// <summary>Whether a list name is valid: 1–64 lower-case letters, digits, '_' or '-', starting with a letter.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}

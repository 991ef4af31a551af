using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMonitor.Topics;

/// <summary>
/// Reads a topics file (contract): a JSON array of topics, each with at least id, name and query; or an object
/// <c>{ "lists": { name: [terms] }, "topics": [ … ] }</c> whose queries may use the named term lists as <c>@name</c>.
/// Unknown fields are allowed. Every problem is reported with the topic id (or list name) and the reason.
/// </summary>
public static partial class TopicsFile
{
    /// <exception cref="TopicsFileException">The file is missing, not JSON, or a topic is invalid.</exception>
    public static IReadOnlyList<Topic> Load(string path) => LoadDocument(path).Topics;

    /// <inheritdoc cref="Load"/>
    public static async Task<IReadOnlyList<Topic>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        string json;
        try { json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unreadable(path, e); }
        return Parse(json, path);
    }

    /// <summary>The topics and the term lists of a file.</summary>
    /// <exception cref="TopicsFileException">The file is missing, not JSON, or a list or topic is invalid.</exception>
    public static TopicsDocument LoadDocument(string path)
    {
        string json;
        try { json = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unreadable(path, e); }
        return ParseDocument(json, path);
    }

    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">Where it came from (a path or "request body"), used in error messages.</param>
    /// <exception cref="TopicsFileException">The text is not a topics file or a topic is invalid.</exception>
    public static IReadOnlyList<Topic> Parse(string json, string sourceName) => ParseDocument(json, sourceName).Topics;

    /// <inheritdoc cref="Parse"/>
    public static TopicsDocument ParseDocument(string json, string sourceName)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e)
        {
            throw new TopicsFileException($"{sourceName}: not valid JSON: {e.Message}", null, e);
        }
        using (document)
        {
            var root = document.RootElement;
            var lists = TermLists.Empty;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("topics", out var topicsElement))
            {
                lists = root.TryGetProperty("lists", out var listsElement) ? ReadLists(listsElement, sourceName) : TermLists.Empty;
                root = topicsElement;
            }
            if (root.ValueKind != JsonValueKind.Array)
                throw new TopicsFileException($"{sourceName}: a topics file must be a JSON array of topics, or an object with \"topics\" (and \"lists\"), not {root.ValueKind}");
            var topics = new List<Topic>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                var topic = ReadTopic(element, index, sourceName, lists);
                if (!seen.Add(topic.Id))
                    throw new TopicsFileException($"{sourceName}: topic '{topic.Id}': duplicate id", topic.Id);
                topics.Add(topic);
                index++;
            }
            return new TopicsDocument(topics, lists);
        }
    }

    /// <summary>Reads "lists" and checks each one expands to valid terms, so a bad list is reported as such, not by the first query using it.</summary>
    private static TermLists ReadLists(JsonElement element, string sourceName)
    {
        if (element.ValueKind == JsonValueKind.Null) return TermLists.Empty;
        if (element.ValueKind != JsonValueKind.Object)
            throw new TopicsFileException($"{sourceName}: 'lists' must be an object of named term lists, e.g. {{\"japan_russia\": [\"japan russia\", \"日ロ\"]}}");
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var list in element.EnumerateObject())
        {
            if (!TermLists.IsValidName(list.Name))
                throw new TopicsFileException($"{sourceName}: list '{list.Name}': a list name must match ^[a-z][a-z0-9_-]{{0,63}}$");
            if (list.Value.ValueKind != JsonValueKind.Array || list.Value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString())))
                throw new TopicsFileException($"{sourceName}: list '{list.Name}': must be an array of non-empty strings (words, phrases without quotes, or @list)");
            if (!lists.TryAdd(list.Name, list.Value.EnumerateArray().Select(e => e.GetString()!.Trim()).ToArray()))
                throw new TopicsFileException($"{sourceName}: list '{list.Name}': duplicate name");
        }
        var termLists = new TermLists(lists);
        foreach (var name in lists.Keys)
        {
            if (!TopicQuery.TryParse("@" + name, termLists, out _, out var error))
                throw new TopicsFileException($"{sourceName}: list '{name}': {error.Reason}");
        }
        return termLists;
    }

    /// <summary>Checks one topic as the API does for a single posted topic.</summary>
    /// <exception cref="TopicsFileException">A required field is missing or the id or query is invalid.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    public static void Validate(Topic topic, string sourceName)
    {
        var label = string.IsNullOrWhiteSpace(topic.Id) ? "a topic" : $"topic '{topic.Id}'";
        if (string.IsNullOrWhiteSpace(topic.Id)) throw new TopicsFileException($"{sourceName}: {label}: missing 'id'");
        if (!IdPattern().IsMatch(topic.Id))
            throw new TopicsFileException($"{sourceName}: {label}: id must match ^[a-z0-9][a-z0-9-]{{0,63}}$ (lower-case letters, digits, '-')", topic.Id);
        if (string.IsNullOrWhiteSpace(topic.Name)) throw new TopicsFileException($"{sourceName}: {label}: missing 'name'", topic.Id);
        if (string.IsNullOrWhiteSpace(topic.Query)) throw new TopicsFileException($"{sourceName}: {label}: missing 'query'", topic.Id);
        if (!ParsedQueries.TryParse(topic, out _, out var error))
            throw new TopicsFileException($"{sourceName}: {label}: invalid query: {error.Message}", topic.Id, error);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    private static Topic ReadTopic(JsonElement element, int index, string sourceName, TermLists lists)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new TopicsFileException($"{sourceName}: topic #{index + 1}: must be a JSON object, not {element.ValueKind}");
        var id = ReadString(element, "id", null, index, sourceName);
        if (string.IsNullOrWhiteSpace(id)) throw new TopicsFileException($"{sourceName}: topic #{index + 1}: missing 'id'");
        var topic = new Topic
        {
            Id = id,
            Name = ReadString(element, "name", id, index, sourceName) ?? "",
            Query = ReadString(element, "query", id, index, sourceName) ?? "",
            Description = ReadString(element, "description", id, index, sourceName),
            Languages = ReadLanguages(element, id, index, sourceName),
            Lists = lists,
        };
        Validate(topic, sourceName);
        return topic;
    }

    private static string? ReadString(JsonElement topic, string name, string? id, int index, string sourceName)
    {
        if (!topic.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new TopicsFileException($"{sourceName}: {Label(id, index)}: '{name}' must be a string", id);
        return value.GetString();
    }

    private static string[]? ReadLanguages(JsonElement topic, string? id, int index, string sourceName)
    {
        if (!topic.TryGetProperty("languages", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String))
            throw new TopicsFileException($"{sourceName}: {Label(id, index)}: 'languages' must be an array of strings", id);
        return value.EnumerateArray().Select(l => l.GetString()!).ToArray();
    }

    private static TopicsFileException Unreadable(string path, Exception e) =>
        new($"{path}: cannot read the topics file: {e.Message}", null, e);

    private static string Label(string? id, int index) => id is null ? $"topic #{index + 1}" : $"topic '{id}'";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}

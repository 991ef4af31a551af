using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMonitor.Topics;

/// <summary>
/// Reads a topics file (contract): a JSON array of topics, each with at least id, name and query.
/// Unknown fields are allowed. Every problem is reported with the topic id and the reason.
/// </summary>
public static partial class TopicsFile
{
    /// <exception cref="TopicsFileException">The file is missing, not JSON, or a topic is invalid.</exception>
    public static IReadOnlyList<Topic> Load(string path)
    {
        string json;
        try { json = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unreadable(path, e); }
        return Parse(json, path);
    }

    /// <inheritdoc cref="Load"/>
    public static async Task<IReadOnlyList<Topic>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        string json;
        try { json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw Unreadable(path, e); }
        return Parse(json, path);
    }

    /// <param name="json">The file's text.</param>
    /// <param name="sourceName">Where it came from (a path or "request body"), used in error messages.</param>
    /// <exception cref="TopicsFileException">The text is not a JSON array or a topic is invalid.</exception>
    public static IReadOnlyList<Topic> Parse(string json, string sourceName)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e)
        {
            throw new TopicsFileException($"{sourceName}: not valid JSON: {e.Message}", null, e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                throw new TopicsFileException($"{sourceName}: a topics file must be a JSON array of topics, not {document.RootElement.ValueKind}");
            var topics = new List<Topic>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var topic = ReadTopic(element, index, sourceName);
                if (!seen.Add(topic.Id))
                    throw new TopicsFileException($"{sourceName}: topic '{topic.Id}': duplicate id", topic.Id);
                topics.Add(topic);
                index++;
            }
            return topics;
        }
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
    private static Topic ReadTopic(JsonElement element, int index, string sourceName)
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

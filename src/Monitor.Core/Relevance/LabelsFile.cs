using System.Text.Json;

namespace NewsMonitor.Relevance;

/// <summary>
/// Reads labelled examples as JSON lines, one <see cref="LabelledExample"/> per line (blank lines and lines starting
/// with '#' or "//" are skipped). A bad line is reported with its file and line number; nothing is half-read.
/// </summary>
public static class LabelsFile
{
    /// <exception cref="LabelsFileException">The file cannot be read or a line is invalid.</exception>
    public static IReadOnlyList<LabelledExample> Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new LabelsFileException($"{path}: cannot read the labels file: {e.Message}", e); }
        return Parse(text, path);
    }

    /// <summary>Several files, read in order; ids must be unique across them.</summary>
    public static IReadOnlyList<LabelledExample> Load(IEnumerable<string> paths)
    {
        var all = new List<LabelledExample>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var example in Load(path))
            {
                if (!ids.TryAdd(example.Id, path)) throw new LabelsFileException($"{path}: id '{example.Id}' is used twice (also in {ids[example.Id]})");
                all.Add(example);
            }
        }
        return all;
    }

    /// <exception cref="LabelsFileException">A line is not a valid labelled example.</exception>
    public static IReadOnlyList<LabelledExample> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var examples = new List<LabelledExample>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal)) continue;
            var where = $"{sourceName}:{lineNumber}";
            LabelledExample? example;
            try { example = JsonSerializer.Deserialize(line, RelevanceJsonContext.Default.LabelledExample); }
            catch (JsonException e) { throw new LabelsFileException($"{where}: not a labelled example ({{\"id\", \"title\", \"summary\", \"language\"?, \"labels\": [topic ids]}}): {e.Message}", e); }
            if (example is null || string.IsNullOrWhiteSpace(example.Id)) throw new LabelsFileException($"{where}: missing 'id'");
            if (string.IsNullOrWhiteSpace(example.Title) && string.IsNullOrWhiteSpace(example.Summary)) throw new LabelsFileException($"{where}: '{example.Id}' has neither a title nor a summary");
            if (example.Labels is null || example.Labels.Any(string.IsNullOrWhiteSpace)) throw new LabelsFileException($"{where}: '{example.Id}': 'labels' must be an array of topic ids");
            if (!ids.Add(example.Id)) throw new LabelsFileException($"{where}: id '{example.Id}' is used twice");
            examples.Add(example with { Summary = example.Summary ?? "" });
        }
        return examples;
    }
}

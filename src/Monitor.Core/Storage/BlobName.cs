namespace NewsMonitor.Storage;

/// <summary>
/// The rules every <see cref="IBlobStore"/> applies to blob names, so both backends accept exactly the same names.
/// A name is '/'-separated segments; a segment may be any text but "." or "..", since those would mean
/// different blobs on a file system and in a URL than they mean in Azure.
/// </summary>
public static class BlobName
{
    /// <summary>Azure's limit on a blob name's length.</summary>
    public const int MaxLength = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> is a valid blob name.</summary>
    public static void Validate(string name, string parameterName = "name")
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (name.Length == 0)
        {
            throw new ArgumentException("A blob name must not be empty.", parameterName);
        }

        ValidateCharacters(name, parameterName);
        foreach (var segment in name.Split('/'))
        {
            ValidateSegment(segment, name, parameterName);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="prefix"/> can start a valid blob name:
    /// empty, or complete valid segments followed by the start of another ("matches/", "matches/hab").
    /// </summary>
    public static void ValidatePrefix(string prefix, string parameterName = "prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix, parameterName);
        ValidateCharacters(prefix, parameterName);
        var segments = prefix.Split('/');
        // The last segment may be partial ("" or "..." still may grow into a valid segment), so only complete ones are checked.
        foreach (var segment in segments.AsSpan(0, segments.Length - 1))
        {
            ValidateSegment(segment, prefix, parameterName);
        }
    }

    private static void ValidateCharacters(string name, string parameterName)
    {
        if (name.Length > MaxLength)
        {
            throw new ArgumentException($"A blob name must be at most {MaxLength} characters long.", parameterName);
        }

        foreach (var c in name)
        {
            if (c == '\\' || char.IsControl(c))
            {
                throw new ArgumentException($"The blob name '{name}' contains a backslash or a control character.", parameterName);
            }
        }
    }

    private static void ValidateSegment(string segment, string name, string parameterName)
    {
        if (segment.Length == 0 || segment is "." or "..")
        {
            throw new ArgumentException($"The blob name '{name}' has an empty, '.' or '..' segment.", parameterName);
        }
    }
}

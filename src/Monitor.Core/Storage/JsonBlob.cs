namespace NewsMonitor.Storage;

/// <summary>A blob read as JSON: its name, its value and the ETag to pass to a conditional replace.</summary>
public sealed record JsonBlob<T>(string Name, T Value, string ETag);

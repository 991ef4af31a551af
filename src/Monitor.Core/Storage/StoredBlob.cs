namespace NewsMonitor.Storage;

/// <summary>A blob's content and the ETag to pass to a conditional replace.</summary>
public sealed record StoredBlob(BinaryData Content, string ETag);

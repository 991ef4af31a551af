namespace NewsMonitor.Storage;

/// <summary>The configured storage cannot be used; the message says what failed (see <see cref="StorageFailures"/>).</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : IOException(message, inner);

namespace NewsMonitor.Cli;

/// <summary>Input a command cannot use (a missing file, a bad topics file): reported as a usage error, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

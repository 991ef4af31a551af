using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// An <see cref="ILoggerProvider"/> that keeps every line a host logs, at every level, with its structured fields and
/// exception, so tests can search the whole log for what must never be written (secrets).
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    /// <summary>Adds this provider as the host's only one, at every level.</summary>
    public void AttachTo(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddProvider(this);
        logging.SetMinimumLevel(LogLevel.Trace);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"{category} scope {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            lines.Enqueue($"{category} {logLevel} {formatter(state, exception)} {fields} {exception}");
        }
    }
}

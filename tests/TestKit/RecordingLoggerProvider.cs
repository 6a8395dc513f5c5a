using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Enrolment.TestKit;

/// <summary>
/// Keeps the product's log lines and every warning or error of the silo, so tests can check that none carries a
/// secret. (The silo's own chatter is left out: in megabytes of it, a random six-digit code would appear by chance.)
/// </summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || category.StartsWith("Enrolment.", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
            }
        }
    }
}

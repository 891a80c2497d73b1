using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MicroLearnBot.Tests.Authentication;

/// <summary>
/// Keeps every log entry in memory so tests can check what was logged and what was not.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>All messages and exception texts joined, for checks that a value never appears.</summary>
    public string AllText => string.Join("\n", _entries.Select(entry => entry.Message + "\n" + entry.Exception));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

    public void Dispose()
    {
    }

    internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class CapturingLogger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider._entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), exception));
    }
}

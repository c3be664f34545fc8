using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// Keeps what the application logs during a test (with exceptions: test data only): the errors, so that a browser
/// test that meets the error page can say what failed on the server, and every line that passed the app's log
/// levels, so that a test can look for personal data in them.
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _all = new();

    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Every line logged, at any level the app's settings let through.</summary>
    public IReadOnlyCollection<string> All => _all;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors, _all);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> errors, ConcurrentQueue<string> all) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // What a console or file logger would write: the message and, when there is one, the exception.
            var line = $"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}";
            all.Enqueue(line);
            if (logLevel >= LogLevel.Error)
            {
                errors.Enqueue(line);
            }
        }
    }
}

using Microsoft.Extensions.Logging;

namespace HealthStats.Dashboard.Tests.Security;

/// <summary>Every log line of the dashboard, at every level, appended to one file: what a site's log would hold.</summary>
internal sealed class FileLog(string path) : ILoggerProvider
{
    private readonly object gate = new();

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (gate)
            File.AppendAllText(path, line + Environment.NewLine);
    }

    private sealed class Writer(FileLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Write($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

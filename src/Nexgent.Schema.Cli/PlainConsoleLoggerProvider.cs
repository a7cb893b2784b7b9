using Microsoft.Extensions.Logging;

namespace Nexgent.Schema.Cli;

/// <summary>
/// Progress as plain lines: information to standard output (to standard error when standard output carries
/// JSON), warnings and errors to standard error.
/// </summary>
internal sealed class PlainConsoleLoggerProvider(bool progressToStandardError) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new PlainConsoleLogger(progressToStandardError ? Console.Error : Console.Out);

    public void Dispose()
    {
    }

    private sealed class PlainConsoleLogger(TextWriter progress) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = Printable.Text(formatter(state, exception));
            if (logLevel >= LogLevel.Warning)
            {
                Console.Error.WriteLine($"warning: {message}");
            }
            else
            {
                progress.WriteLine(message);
            }
        }
    }
}

using FluentMigrator.Runner;
using Microsoft.Extensions.Logging;

namespace Nexgent.Schema.Runner;

/// <summary>
/// FluentMigrator logs the exception of a failed statement itself, PostgreSQL's DETAIL in its message, before the
/// runner explains it; this passes that log on to every logger (the CLI's --verbose and -o, a host's own) with the
/// row values a constraint violation quotes withheld, as the runner's message withholds them.
/// </summary>
internal sealed class RowValueWithholdingLogger(ILogger inner) : ILogger<MigrationRunner>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is null || !RowValues.AreQuotedIn(exception))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        inner.Log(logLevel, eventId, RowValues.WithheldFrom(formatter(state, exception), exception), new Withheld(exception), (message, _) => message);
    }

    /// <summary>The exception as text with the row values withheld, and no inner exception to read them from.</summary>
    private sealed class Withheld(Exception original) : Exception(RowValues.WithheldFrom(original.Message, original))
    {
        public override string ToString() => RowValues.WithheldFrom(original.ToString(), original);
    }
}

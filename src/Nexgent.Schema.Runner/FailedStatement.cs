using System.Reflection;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// The statement PostgreSQL failed on. <paramref name="HoldsPosition"/> says whether PostgreSQL's error position
/// counts within <paramref name="Text"/>: it does in the one statement Npgsql sent, not in FluentMigrator's SQL,
/// which may hold several.
/// </summary>
internal sealed record FailedStatement(string Text, bool HoldsPosition)
{
    // Npgsql splits a command at its semicolons and sends each statement on its own. It names the command that failed
    // (Include Failed Batched Command), but the text of the one statement is only in its internal FinalCommandText;
    // without it (another Npgsql version) the statement is FluentMigrator's whole SQL.
    private static readonly PropertyInfo? SentText =
        typeof(NpgsqlBatchCommand).GetProperty("FinalCommandText", BindingFlags.Instance | BindingFlags.NonPublic);

    public static FailedStatement? Of(PostgresException error, Exception exception)
    {
        if (error.BatchCommand is { } command && SentText?.GetValue(command) is string { Length: > 0 } sent)
        {
            return new FailedStatement(sent, HoldsPosition: true);
        }

        return QuotedByFluentMigrator(exception) is { } sql ? new FailedStatement(sql, HoldsPosition: false) : null;
    }

    /// <summary>FluentMigrator quotes the SQL that failed in the message of the exception it wraps the error in.</summary>
    private static string? QuotedByFluentMigrator(Exception exception)
    {
        const string marker = "executing the following sql:";
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var at = e.Message.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var sql = e.Message[(at + marker.Length)..];
            var end = sql.IndexOf("\nThe error was", StringComparison.Ordinal);
            return (end >= 0 ? sql[..end] : sql).Trim();
        }

        return null;
    }
}

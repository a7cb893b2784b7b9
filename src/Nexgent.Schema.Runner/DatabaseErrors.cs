using System.Net.Sockets;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// Turns what Npgsql and PostgreSQL throw into one sentence that says what to do next, followed, for an error
/// PostgreSQL explains, by its detail, hint and statement (<see cref="PostgresErrorDetails"/>).
/// </summary>
internal static class DatabaseErrors
{
    public static SchemaRunnerException Explain(Exception exception, DatabaseConnection database, MigrationStep? step = null, bool rolledBack = true)
        => Explain(exception, database, step is null ? null : $"Migration {step}", rolledBack);

    /// <summary>
    /// <paramref name="subject"/> names what failed ("Migration 20310103000000 unique_ledger_refs (up)"), null for no
    /// migration; <paramref name="rolledBack"/> is false for one that ran outside a transaction, of which nothing was
    /// rolled back.
    /// </summary>
    public static SchemaRunnerException Explain(Exception exception, DatabaseConnection database, string? subject, bool rolledBack)
    {
        if (exception is SchemaRunnerException known)
        {
            return known;
        }

        var failed = rolledBack ? "failed and was rolled back" : "failed";
        var undone = rolledBack ? "; nothing of it was kept" : "";

        var postgres = Find<PostgresException>(exception);
        var where = $"{database.Host}:{database.Port}";
        var named = database.Database ?? database.Username ?? ""; // without a database, Npgsql asks for the user's own
        IReadOnlyList<string> details = [];
        var message = postgres?.SqlState switch
        {
            "28P01" or "28000" =>
                $"PostgreSQL at {where} refused the login of user '{database.Username}' (wrong password or no access); check the user and password in the connection string.",
            "3D000" =>
                $"The database '{named}' does not exist on {where}; create it (CREATE DATABASE {Identifier.Quote(named)}) or correct the connection string.",
            "3F000" =>
                $"The schema '{database.Schema}' does not exist in database '{database.Database}'; create it or correct the schema parameter.",
            "55P03" when subject is not null =>
                $"{subject} waited longer than lock_timeout for a lock and {(rolledBack ? "was rolled back" : "was stopped")}; {Masked(BlockingSessions.Describe(database), database)} Run again when it has finished, or raise --lock-timeout.",
            // Cancelled by the command timeout; otherwise by someone (pg_cancel_backend) or the server's statement_timeout, as PostgreSQL's message says.
            "57014" when subject is not null && Find<TimeoutException>(exception) is not null =>
                $"{subject} ran longer than the command timeout and was cancelled{undone}. Raise --timeout and run again.",
            _ => null,
        };

        if (message is null && postgres is not null)
        {
            var sentence = Masked(Sentence(postgres), database);
            message = subject is not null
                ? $"{subject} {failed}: {sentence}"
                : $"PostgreSQL at {where} answered with an error: {sentence}";
            details = PostgresErrorDetails.Lines(postgres, FailedStatement.Of(postgres, exception), database.ShowsRowValuesInErrors)
                .Select(line => MaskedDetail(line, database))
                .ToList();
        }

        if (message is null && subject is not null && Find<TimeoutException>(exception) is not null)
        {
            message = $"{subject} ran longer than the command timeout and was cancelled{undone}. Raise --timeout (0 waits as long as it takes) and run again.";
        }

        if (message is null && Unreachable(exception))
        {
            message = $"Cannot reach PostgreSQL at {where}; check the host and port in the connection string and that the server is running.";
        }

        var said = Masked(Flatten(exception), database);
        message ??= subject is null
            ? $"{said} (database {database.Describe()})."
            : $"{subject} {failed}: {said}";
        return new SchemaRunnerException(message, details, exception)
        {
            ShowsRowValues = database.ShowsRowValuesInErrors,
            Connection = database,
        };
    }

    private static bool Unreachable(Exception exception)
        => Find<SocketException>(exception) is not null
           || (Find<NpgsqlException>(exception) is { } npgsql && npgsql.InnerException is TimeoutException or IOException)
           || Find<TimeoutException>(exception) is not null;

    private static string Sentence(PostgresException e) => e.MessageText.TrimEnd('.') + ".";

    private static string Flatten(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.Split('\n')[0].Trim().TrimEnd('.');
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (Find<T>(inner) is { } nested)
                    {
                        return nested;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What PostgreSQL, Npgsql or another program said, with the password hidden (<see cref="PasswordMask"/>): the
    /// last guard, for text the runner did not write. The runner's own words never quote the password.
    /// </summary>
    public static string Masked(string said, DatabaseConnection database)
        => PasswordMask.Apply(said, database.Password, database.Username);

    /// <summary>A labelled line ("detail: ...") with what follows the label masked.</summary>
    private static string MaskedDetail(string line, DatabaseConnection database)
    {
        var label = line.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 && line[..colon].All(char.IsLetter) ? colon + 2 : 0;
        return line[..label] + Masked(line[label..], database);
    }
}

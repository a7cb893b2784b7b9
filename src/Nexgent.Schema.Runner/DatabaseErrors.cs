using System.Net.Sockets;
using System.Text.RegularExpressions;
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
            "3F000" when NamesTheConnectionsSchema(postgres, database) =>
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
            var statement = FailedStatement.Of(postgres, exception);
            var sentence = Masked(Sentence(postgres), database);
            var advice = Advice(postgres, statement, database, subject is not null && rolledBack);
            message = subject is not null
                ? $"{subject} {failed}: {sentence}{advice}"
                : $"PostgreSQL at {where} answered with an error: {sentence}{advice}";
            details = PostgresErrorDetails.Lines(postgres, statement, database.ShowsRowValuesInErrors)
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

    /// <summary>
    /// Whether a 3F000 is about the schema the connection names (missing, or not on the search path to create in), rather
    /// than one a statement names (<c>REFERENCES other.t</c>), which is the statement's own error.
    /// </summary>
    private static bool NamesTheConnectionsSchema(PostgresException error, DatabaseConnection database)
        => error.MessageText == $"schema \"{database.Schema}\" does not exist"
           || error.MessageText.StartsWith("no schema has been selected", StringComparison.Ordinal);

    /// <summary>
    /// What to do about a statement PostgreSQL refused, after its message: a privilege to grant, a read-only database to
    /// leave; for a migration that was rolled back, to correct it (or the rows it met) and run again.
    /// </summary>
    private static string Advice(PostgresException error, FailedStatement? statement, DatabaseConnection database, bool correctable)
        => error.SqlState switch
        {
            "42501" => " " + PrivilegeAdvice(error, statement, database),
            "25006" => " " + ReadOnlyAdvice(database),
            _ when !correctable => "",
            _ when error.SqlState.StartsWith("23", StringComparison.Ordinal) => " Correct the rows it met or the migration, then run again.",
            _ => " Correct the migration, then run again.",
        };

    private static string PrivilegeAdvice(PostgresException error, FailedStatement? statement, DatabaseConnection database)
    {
        var user = database.Username ?? "(the connection's user)";
        var denied = Regex.Match(error.MessageText, "^permission denied for (\\w+) (.+)$");
        if (denied.Success && Privilege(denied.Groups[1].Value, statement?.Text) is { } privilege)
        {
            var (kind, name) = (denied.Groups[1].Value, denied.Groups[2].Value);
            return $"The user {user} lacks the {privilege} privilege on {kind} {name}: grant it (GRANT {privilege} ON {kind.ToUpperInvariant()} {name} TO {Identifier.Quote(user)};) or connect as the owner of {kind} {name}.";
        }

        var owner = Regex.Match(error.MessageText, "^must be owner of (.+)$");
        return owner.Success
            ? $"Only the owner of {owner.Groups[1].Value} may do this: connect as its owner (or a member of the role that owns it)."
            : $"The user {user} lacks a privilege this needs: grant it, or connect as the owner of the database and its schema.";
    }

    /// <summary>The privilege a statement needs on an object of <paramref name="kind"/>, from the statement's first word; null when not known.</summary>
    private static string? Privilege(string kind, string? statement)
    {
        var verb = statement?.TrimStart().Split([' ', '\n', '\t', '('], 2)[0].ToUpperInvariant() ?? "";
        return kind switch
        {
            "schema" or "database" => verb is "CREATE" or "ALTER" ? "CREATE" : kind == "schema" ? "USAGE" : "CONNECT",
            "table" => verb is "SELECT" or "INSERT" or "UPDATE" or "DELETE" or "TRUNCATE" ? verb : "REFERENCES",
            "sequence" => "USAGE",
            "function" or "procedure" => "EXECUTE",
            _ => null,
        };
    }

    /// <summary>A standby, or a database (role, session) whose transactions are read-only by default.</summary>
    private static string ReadOnlyAdvice(DatabaseConnection database)
    {
        try
        {
            using var connection = new NpgsqlConnection(database.ConnectionString);
            connection.Open();
            using var recovery = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
            if (recovery.ExecuteScalar() is true)
            {
                return $"PostgreSQL at {database.Host}:{database.Port} is a read-only standby: connect to the primary.";
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // Not known which: both ways out are said.
        }

        var name = Identifier.Quote(database.Database ?? "");
        return $"The database '{database.Database}' is read-only for this session (default_transaction_read_only is on, for the database, the user or the connection): turn it off (ALTER DATABASE {name} SET default_transaction_read_only = off;) or connect to a writable primary.";
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

namespace Nexgent.Schema.Runner;

/// <summary>
/// A failure explained in one sentence a person can act on, then, for a PostgreSQL error, what PostgreSQL said
/// about it on labelled lines of their own. The message never holds a password, and neither it nor
/// <see cref="ToString"/> holds the row values a constraint violation quotes, unless they were asked for.
/// It names no command-line verb or option: a tool built on the runner turns the typed failures below into its own advice.
/// </summary>
public class SchemaRunnerException : Exception
{
    public SchemaRunnerException(string message, Exception? innerException = null)
        : this(message, [], innerException)
    {
    }

    internal SchemaRunnerException(string sentence, IReadOnlyList<string> details, Exception? innerException)
        : base(sentence + string.Concat(details.Select(line => "\n  " + line)), innerException)
    {
        Sentence = sentence;
        Details = details;
    }

    /// <summary>The failure in one sentence: the first line of the message.</summary>
    public string Sentence { get; }

    /// <summary>The rest of the message: PostgreSQL's detail, hint and statement, each as "label: text".</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>Whether the row values quoted by the inner exceptions were asked for (<see cref="SchemaRunnerOptions.ShowRowValuesInErrors"/>).</summary>
    internal bool ShowsRowValues { get; init; }

    /// <summary>The connection whose password <see cref="ToString"/> hides in what the inner exceptions say.</summary>
    internal DatabaseConnection? Connection { get; init; }

    /// <summary>The same failure with another sentence after the first.</summary>
    internal SchemaRunnerException WithSentence(string sentence)
        => new($"{Sentence} {sentence}", Details, InnerException) { ShowsRowValues = ShowsRowValues, Connection = Connection };

    /// <summary>
    /// The message and stack traces (--verbose), with the row values the inner exceptions quote withheld unless asked
    /// for, and the password hidden.
    /// </summary>
    public override string ToString()
    {
        var text = ShowsRowValues ? base.ToString() : RowValues.WithheldFrom(base.ToString(), this);
        return Connection is null ? PasswordMask.Written(text) : DatabaseErrors.Masked(text, Connection);
    }
}

/// <summary>Another runner held the migration lock on the database for longer than the runner was allowed to wait.</summary>
public sealed class MigrationLockTimeoutException(string database, TimeSpan waited)
    : SchemaRunnerException($"Another runner has held the migration lock on {database} for more than {waited.TotalSeconds:0} s; wait for it to finish, or allow a longer wait (LockWait).")
{
    public string Database { get; } = database;

    public TimeSpan Waited { get; } = waited;
}

/// <summary>
/// A migration that cannot run in a transaction failed or never finished, so part of it may be in the database;
/// only a person can judge what is there, and nothing runs until they record how it ended.
/// </summary>
public sealed class DirtyDatabaseException(long version, string migration, string database, string what)
    : SchemaRunnerException($"Migration {migration} cannot run in a transaction and {what}, so part of it may be in {database}; repair the database by hand, then resolve it as rolled back or applied.")
{
    public long Version { get; } = version;

    /// <summary>The migration's version and description.</summary>
    public string Migration { get; } = migration;

    public string Database { get; } = database;

    /// <summary>What happened to it: "failed midway (...)" or "started and never finished".</summary>
    public string What { get; } = what;
}

/// <summary>A version was asked for that no migration assembly holds.</summary>
public sealed class UnknownVersionException(long version, string available)
    : SchemaRunnerException($"Version {version} is not a migration in the assemblies (they hold {available}).")
{
    public long Version { get; } = version;

    /// <summary>How many migrations the assemblies hold and their range, for the message.</summary>
    public string Available { get; } = available;
}

/// <summary>The database records a version as applied that no migration assembly holds, so it cannot be rolled back.</summary>
public sealed class MissingMigrationException(long version)
    : SchemaRunnerException($"The database records version {version} as applied, but no migration assembly contains it, so it cannot be rolled back; add the assembly that holds it.")
{
    public long Version { get; } = version;
}

/// <summary>A rollback would pass through a migration marked <c>[Irreversible]</c>.</summary>
public sealed class IrreversibleMigrationException(long version, string description, string reason)
    : SchemaRunnerException($"Migration {version} {description} cannot be rolled back: {reason.TrimEnd('.')}; roll back to {version} or later instead.")
{
    public long Version { get; } = version;

    public string Reason { get; } = reason;
}

/// <summary>
/// The database holds tables but records no migration: Prisma migrated it, or a person built it. Migrating on top
/// of it would fail halfway or, worse, not; it has to be baselined first.
/// </summary>
public sealed class UnrecordedSchemaException(string database, bool migratedByPrisma)
    : SchemaRunnerException(migratedByPrisma
        ? $"{database} was migrated by Prisma and records no FluentMigrator version; baseline it from Prisma's history first, then migrate."
        : $"{database} already holds tables but records no migration; if they are the schema at some version, baseline it at that version first.")
{
    public string Database { get; } = database;

    public bool MigratedByPrisma { get; } = migratedByPrisma;
}

/// <summary>
/// The session holding the runner's migration lock ended during the run (the server closed it, or someone terminated
/// it), so another runner may hold the lock now: the runner stopped instead of going on. Every migration it applied is
/// whole, and no migration ran twice (each one also locks and re-reads the version table in its own transaction).
/// </summary>
public sealed class MigrationLockLostException(string database, long version, string? stoppedBefore)
    : SchemaRunnerException(stoppedBefore is null
        ? $"The migration lock on {database} was lost (its session ended) before this runner finished: it left the database at version {version}, each migration whole, but another runner may have been migrating it meanwhile."
        : $"The migration lock on {database} was lost (its session ended), so this runner stopped before {stoppedBefore}: it left the database at version {version}, each migration whole, and another runner may be migrating it now.")
{
    public string Database { get; } = database;

    /// <summary>The version this runner left the database at: the last migration it applied, or the version it found.</summary>
    public long Version { get; } = version;

    /// <summary>The migration it did not start, or null when the loss was found after its last one.</summary>
    public string? StoppedBefore { get; } = stoppedBefore;
}

/// <summary>
/// The database is reached through a pooler that hands one server session to several connections in turn
/// (PgBouncer's transaction or statement mode): the migration lock and the session settings a run relies on would be
/// shared with, or lost to, other clients. Nothing was run.
/// </summary>
public sealed class TransactionPoolerException(string database)
    : SchemaRunnerException($"{database} is reached through a connection pooler in transaction or statement mode (two connections were served by one server session), and migrations need a session of their own for their lock and settings; connect directly to PostgreSQL (the server's own host and port, usually 5432) or through a session-mode pool.")
{
    public string Database { get; } = database;
}

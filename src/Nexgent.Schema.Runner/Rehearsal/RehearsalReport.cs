namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>
/// What a deploy would do, as rehearsed on a copy of the database: each pending migration with its time, its
/// statements and the locks they took, and for how long each table's writes and reads were blocked. Times are in
/// seconds, measured on the copy.
/// </summary>
/// <param name="Database">The database the deploy is for, which the rehearsal did not change.</param>
/// <param name="CopiedTo">Where the copy was made (and dropped); null when nothing was pending and no copy was made.</param>
/// <param name="CopySeconds">How long making the copy took (pg_dump | pg_restore, then VACUUM ANALYZE).</param>
/// <param name="VersionBefore">The version the database is at.</param>
/// <param name="Migrations">Every pending migration, oldest first; those after a failed one did not run.</param>
/// <param name="Failure">Why the deploy would fail, when it would: one sentence; null when every migration ran.</param>
public sealed record RehearsalReport(
    string Database,
    string? CopiedTo,
    double CopySeconds,
    long VersionBefore,
    IReadOnlyList<RehearsedMigration> Migrations,
    string? Failure)
{
    public bool Succeeded => Failure is null;

    /// <summary>The version the deploy would leave the database at.</summary>
    public long VersionAfter => Migrations.Where(m => m.Outcome == RehearsalOutcome.Applied).Select(m => m.Version).DefaultIfEmpty(VersionBefore).Max();

    /// <summary>The migrations a deploy without accepting data loss would refuse (each one's <see cref="RehearsedMigration.DataLoss"/> says why); the rehearsal ran them.</summary>
    public IReadOnlyList<long> WouldRefuse => Migrations.Where(m => m.DataLoss.Count > 0).Select(m => m.Version).ToList();

    /// <summary>Per table, the longest any one migration blocked its writes and its reads: how long a writer would wait.</summary>
    public IReadOnlyList<TableBlocking> Tables => TableBlocking.Longest(Migrations.SelectMany(m => m.Blocking));
}

public enum RehearsalOutcome
{
    /// <summary>It ran and committed on the copy.</summary>
    Applied,

    /// <summary>It failed on the copy; the deploy would stop there.</summary>
    Failed,

    /// <summary>A migration before it failed, so it did not run.</summary>
    NotRun,
}

/// <summary>One pending migration as the rehearsal ran it.</summary>
/// <param name="Version">Its version.</param>
/// <param name="Description">Its description.</param>
/// <param name="Transactional">Whether it runs in one transaction: its locks are then held until it commits.</param>
/// <param name="Outcome">Whether it ran, failed, or did not run.</param>
/// <param name="Seconds">From its start to its commit (or rollback).</param>
/// <param name="Statements">Its statements in order, the runner's recording of the version aside.</param>
/// <param name="Blocking">Per table it locked, how long its writes and reads were blocked.</param>
/// <param name="DataLoss">What it would lose, for which a deploy refuses it unless told to accept the loss.</param>
public sealed record RehearsedMigration(
    long Version,
    string Description,
    bool Transactional,
    RehearsalOutcome Outcome,
    double Seconds,
    IReadOnlyList<RehearsedStatement> Statements,
    IReadOnlyList<TableBlocking> Blocking,
    IReadOnlyList<string> DataLoss);

/// <summary>One statement of a rehearsed migration.</summary>
/// <param name="Sql">The statement as it was sent.</param>
/// <param name="StartSeconds">When it started, from the start of its migration.</param>
/// <param name="Seconds">How long it ran.</param>
/// <param name="Locks">
/// The table locks it took that its migration did not hold already. A statement outside a transaction holds its locks
/// only while it runs; they are sampled from another session meanwhile, so a very short one may show none.
/// </param>
/// <param name="Failed">Whether it is the statement that failed.</param>
public sealed record RehearsedStatement(string Sql, double StartSeconds, double Seconds, IReadOnlyList<TakenLock> Locks, bool Failed)
{
    public double EndSeconds => Math.Round(StartSeconds + Seconds, 6);
}

/// <summary>A table lock a statement took.</summary>
/// <param name="Relation">The table, index or sequence locked (schema-qualified outside the migrated schema).</param>
/// <param name="Table">The table it belongs to: itself, or an index's table.</param>
/// <param name="Mode">The lock mode, as PostgreSQL writes it: <c>ACCESS EXCLUSIVE</c>.</param>
/// <param name="NewRelation">Whether the migration created it: no other session sees it before the commit, so its locks block no one.</param>
public sealed record TakenLock(string Relation, string Table, string Mode, bool NewRelation)
{
    internal LockMode Level { get; init; }
}

/// <summary>How long a table's writes (INSERT, UPDATE, DELETE) and reads (SELECT) had to wait: 0 when they did not.</summary>
public sealed record TableBlocking(string Table, double WritesBlockedSeconds, double ReadsBlockedSeconds)
{
    /// <summary>Per table, the longest of <paramref name="blocking"/>, most blocked first.</summary>
    internal static IReadOnlyList<TableBlocking> Longest(IEnumerable<TableBlocking> blocking)
        => Ordered(blocking.GroupBy(b => b.Table, StringComparer.Ordinal)
            .Select(g => new TableBlocking(g.Key, g.Max(b => b.WritesBlockedSeconds), g.Max(b => b.ReadsBlockedSeconds))));

    internal static IReadOnlyList<TableBlocking> Ordered(IEnumerable<TableBlocking> blocking)
        => blocking.OrderByDescending(b => b.ReadsBlockedSeconds).ThenByDescending(b => b.WritesBlockedSeconds).ThenBy(b => b.Table, StringComparer.Ordinal).ToList();
}

namespace Nexgent.Schema.Runner.Lint;

/// <summary>PostgreSQL's table lock modes, weakest first, as <c>LOCK TABLE</c> and the documentation name them.</summary>
public enum LockMode
{
    /// <summary>What a <c>SELECT</c> takes.</summary>
    AccessShare,

    /// <summary>What <c>SELECT ... FOR UPDATE</c> takes.</summary>
    RowShare,

    /// <summary>What <c>INSERT</c>, <c>UPDATE</c> and <c>DELETE</c> take.</summary>
    RowExclusive,

    /// <summary><c>CREATE INDEX CONCURRENTLY</c>, <c>VALIDATE CONSTRAINT</c>, <c>VACUUM</c>: reads and writes go on.</summary>
    ShareUpdateExclusive,

    /// <summary><c>CREATE INDEX</c>: reads go on, writes wait.</summary>
    Share,

    /// <summary><c>ADD FOREIGN KEY</c> (on both tables): reads go on, writes wait.</summary>
    ShareRowExclusive,

    /// <summary><c>REFRESH MATERIALIZED VIEW CONCURRENTLY</c>: plain reads go on, writes wait.</summary>
    Exclusive,

    /// <summary>Most of <c>ALTER TABLE</c>, <c>DROP</c>, <c>TRUNCATE</c>: reads and writes wait.</summary>
    AccessExclusive,
}

/// <summary>What the application's queries on a table cannot do while a lock is held on it.</summary>
public enum BlockedQueries
{
    /// <summary>Reads and writes go on (the lock waits only for other schema changes).</summary>
    None,

    /// <summary><c>INSERT</c>, <c>UPDATE</c> and <c>DELETE</c> wait; <c>SELECT</c> goes on.</summary>
    Writes,

    /// <summary>Every query on the table waits, <c>SELECT</c> included.</summary>
    ReadsAndWrites,
}

/// <summary>How lock modes are written and what they block.</summary>
public static class LockModes
{
    /// <summary>The mode as SQL writes it: <c>ACCESS EXCLUSIVE</c>.</summary>
    public static string ToSql(this LockMode mode) => mode switch
    {
        LockMode.AccessShare => "ACCESS SHARE",
        LockMode.RowShare => "ROW SHARE",
        LockMode.RowExclusive => "ROW EXCLUSIVE",
        LockMode.ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
        LockMode.Share => "SHARE",
        LockMode.ShareRowExclusive => "SHARE ROW EXCLUSIVE",
        LockMode.Exclusive => "EXCLUSIVE",
        _ => "ACCESS EXCLUSIVE",
    };

    /// <summary>
    /// What a held <paramref name="mode"/> makes the application's queries wait for: <c>SELECT</c> takes ACCESS SHARE,
    /// which only ACCESS EXCLUSIVE conflicts with; writes take ROW EXCLUSIVE, which SHARE and stronger conflict with.
    /// </summary>
    public static BlockedQueries Blocks(this LockMode mode) => mode switch
    {
        LockMode.AccessExclusive => BlockedQueries.ReadsAndWrites,
        >= LockMode.Share => BlockedQueries.Writes,
        _ => BlockedQueries.None,
    };

    /// <summary>In words: "reads and writes", "writes", "nothing".</summary>
    public static string Describe(this BlockedQueries blocked) => blocked switch
    {
        BlockedQueries.ReadsAndWrites => "reads and writes",
        BlockedQueries.Writes => "writes",
        _ => "nothing",
    };
}

namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>PostgreSQL's table lock modes, weakest first (the names of its <c>LOCK</c> statement).</summary>
internal enum LockMode
{
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
}

internal static class LockModes
{
    /// <summary>The mode pg_locks names (<c>AccessExclusiveLock</c>); null for one that is not a table lock mode.</summary>
    public static LockMode? FromPgLocks(string mode)
        => mode.EndsWith("Lock", StringComparison.Ordinal) && Enum.TryParse<LockMode>(mode[..^"Lock".Length], out var parsed) ? parsed : null;

    /// <summary>As PostgreSQL's documentation and <c>LOCK</c> write it: <c>ACCESS EXCLUSIVE</c>.</summary>
    public static string SqlName(this LockMode mode)
        => string.Concat(mode.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString())).ToUpperInvariant();

    /// <summary>
    /// Whether it conflicts with ROW EXCLUSIVE, the lock every INSERT, UPDATE and DELETE takes: while it is held, the
    /// table's writes wait.
    /// </summary>
    public static bool BlocksWrites(this LockMode mode) => mode >= LockMode.Share;

    /// <summary>Whether it conflicts with ACCESS SHARE, the lock every SELECT takes: while it is held, even reads wait.</summary>
    public static bool BlocksReads(this LockMode mode) => mode == LockMode.AccessExclusive;
}

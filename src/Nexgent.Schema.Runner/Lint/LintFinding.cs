namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// A lock hazard in one statement of a pending migration: which rule found it, on which table, the lock the statement
/// holds there and what that blocks, why, and the safe way to write it. <see cref="AcceptedBecause"/> holds the reason
/// when the migration accepts it (<c>[AcceptsLockHazard]</c>): it is still shown, but does not fail lint.
/// </summary>
public sealed record LintFinding(
    long Version,
    string Description,
    string Rule,
    string Table,
    string Statement,
    LockMode Lock,
    BlockedQueries Blocks,
    string Why,
    string SafeWay)
{
    /// <summary>The table's size as the database's catalog estimates it, when lint ran with a connection.</summary>
    public TableSize? Size { get; init; }

    /// <summary>Why the migration accepts this finding, from its <c>[AcceptsLockHazard]</c>; null when it does not.</summary>
    public string? AcceptedBecause { get; init; }

    public bool IsAccepted => AcceptedBecause is not null;

    /// <summary>The migration, as messages name it: <c>20260106120000 add_automated_trading</c>.</summary>
    public string Migration => $"{Version} {Description}";

    /// <summary>The lock and what it blocks, in words: <c>SHARE on agents: blocks writes</c>.</summary>
    public string LockSummary => $"{Lock.ToSql()} on {Table}: blocks {Blocks.Describe()}";

    /// <summary>
    /// The finding on one line: the migration, the rule, the table (with its size), the lock and the statement.
    /// </summary>
    public override string ToString()
        => $"{Migration}: {Rule} on {Table}{(Size is null ? "" : $" ({Size})")}: {Why} ({Lock.ToSql()}, blocks {Blocks.Describe()}): {Statement}";
}

/// <summary>
/// A table's size from the catalog, never counted: the planner's estimate of its rows (<c>pg_class.reltuples</c>, or the
/// statistics' live rows when it was never analyzed) and its bytes with indexes and TOAST (<c>pg_total_relation_size</c>).
/// <see cref="Exists"/> is false for a table an earlier pending migration creates.
/// </summary>
public sealed record TableSize(bool Exists, long? Rows, long Bytes)
{
    public override string ToString()
    {
        if (!Exists)
        {
            return "not in the database yet: an earlier pending migration creates it";
        }

        var rows = Rows switch
        {
            null => "rows unknown (never analyzed)",
            0 => "empty by its statistics",
            1 => "about 1 row",
            { } r => $"about {r:N0} rows",
        };
        var size = Bytes >= 1024 * 1024 ? $"{Bytes / 1048576.0:0.0} MB" : $"{Bytes / 1024.0:0} kB";
        return $"{rows}, {size}";
    }
}

namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>
/// For how long a migration blocked each table, from the locks its statements took. A lock is held until the
/// transaction that took it ends: in a migration's transaction, a table's writes are blocked from the start of the
/// first statement that took a lock conflicting with ROW EXCLUSIVE until the commit, its reads from the first ACCESS
/// EXCLUSIVE until the commit. Outside a transaction each statement's locks end with it, and the longest statement that
/// held one is how long the table was blocked at once. A lock on an index blocks its table (every query plans with its
/// indexes); one on a relation the migration created blocks no one.
/// </summary>
internal static class BlockedTables
{
    public static IReadOnlyList<TableBlocking> Of(IReadOnlyList<RehearsedStatement> statements, bool transactional, double endSeconds)
    {
        var locks = statements
            .SelectMany(s => s.Locks.Where(l => !l.NewRelation).Select(l => (Statement: s, Lock: l)))
            .ToList();
        return TableBlocking.Ordered(locks.GroupBy(x => x.Lock.Table, StringComparer.Ordinal).Select(table => new TableBlocking(
            table.Key,
            Blocked(table.Where(x => x.Lock.Level.BlocksWrites()).Select(x => x.Statement), transactional, endSeconds),
            Blocked(table.Where(x => x.Lock.Level.BlocksReads()).Select(x => x.Statement), transactional, endSeconds))));
    }

    private static double Blocked(IEnumerable<RehearsedStatement> blocking, bool transactional, double endSeconds)
    {
        var statements = blocking.ToList();
        if (statements.Count == 0)
        {
            return 0;
        }

        return Math.Round(transactional ? Math.Max(0, endSeconds - statements.Min(s => s.StartSeconds)) : statements.Max(s => s.Seconds), 6);
    }
}

using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Rehearsal;

/// <summary>One migration as the rehearsal saw it run: when it started and ended, and its statements with their locks.</summary>
internal sealed partial class RecordedMigration(MigrationStep step, bool transactional, IReadOnlyDictionary<uint, RelationName> relationsBefore, TimeSpan start)
{
    private readonly List<RehearsedStatement> statements = [];

    /// <summary>The locks its transaction holds so far: a statement reports only those it adds.</summary>
    private readonly HashSet<HeldLock> held = [];

    public MigrationStep Step { get; } = step;

    public bool Transactional { get; } = transactional;

    public TimeSpan Start { get; } = start;

    /// <summary>After its commit or rollback; null while it runs.</summary>
    public TimeSpan? End { get; set; }

    /// <summary>
    /// Adds a statement that ran from <paramref name="startedAt"/> for <paramref name="took"/>, holding
    /// <paramref name="locks"/> right after it (in a transaction) or while it ran (outside one). FluentMigrator's
    /// recording of the version is the runner's bookkeeping, left out, as are locks on the runner's own tables.
    /// </summary>
    public void Add(string sql, TimeSpan startedAt, TimeSpan took, IEnumerable<(HeldLock Lock, RelationName? Name)> locks, bool failed)
    {
        var taken = new List<TakenLock>();
        foreach (var (heldLock, seen) in locks)
        {
            if (!held.Add(heldLock) && Transactional)
            {
                continue; // taken by an earlier statement of the transaction
            }

            // A relation the migration dropped is no longer in the catalog its session sees: it is named as it was.
            if ((seen ?? relationsBefore.GetValueOrDefault(heldLock.Oid)) is not { IsBookkeeping: false } relation)
            {
                continue;
            }

            taken.Add(new TakenLock(relation.Name, relation.Table, heldLock.Mode.SqlName(), NewRelation: !relationsBefore.ContainsKey(heldLock.Oid)) { Level = heldLock.Mode });
        }

        if (!Transactional)
        {
            held.Clear(); // released when the statement ended
        }

        if (!failed && IsVersionRecord(sql))
        {
            return;
        }

        statements.Add(new RehearsedStatement(sql, Seconds(startedAt - Start), Seconds(took), [.. taken.OrderBy(l => l.Table, StringComparer.Ordinal).ThenBy(l => l.Relation, StringComparer.Ordinal).ThenByDescending(l => l.Level)], failed));
    }

    /// <param name="outcome">Whether it committed on the copy.</param>
    /// <param name="dataLoss">What it loses in the database, as the deploy's plan judged it there: the copy's own run only knows what it declares.</param>
    public RehearsedMigration Report(RehearsalOutcome outcome, IReadOnlyList<string> dataLoss)
    {
        var seconds = Seconds((End ?? Start) - Start);
        return new RehearsedMigration(
            Step.Version,
            Step.Description,
            Transactional,
            outcome,
            seconds,
            statements,
            BlockedTables.Of(statements, Transactional, seconds),
            dataLoss);
    }

    /// <summary>To the microsecond: the clock says no more.</summary>
    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 6);

    /// <summary>FluentMigrator's row for the version it applied, written in the migration's transaction.</summary>
    private static bool IsVersionRecord(string sql) => VersionRecord().IsMatch(sql);

    [GeneratedRegex($"""^\s*INSERT\s+INTO\s+("[^"]+"\.)?"{VersionTable.DefaultTableName}"\s""", RegexOptions.IgnoreCase)]
    private static partial Regex VersionRecord();
}

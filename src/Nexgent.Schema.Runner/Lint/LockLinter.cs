using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// A lock hazard in one statement: the rule, the table, the lock the migration holds on it during the statement (its
/// own, or a stronger one an earlier statement of the same transaction took) and what that blocks, and why.
/// </summary>
internal sealed record Hazard(string Rule, QualifiedName? Table, SqlStatement Statement, LockMode Lock, BlockedQueries Blocks, string Why)
{
    /// <summary>The columns <see cref="Why"/> is said of (the columns an ALTER TABLE retypes alike), or none.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Why, with the columns it is said of: <c>amount, price: numeric(20,8) to numeric(30,18) changes the scale...</c>.</summary>
    public string Reason => Columns.Count == 0 ? Why : $"{string.Join(", ", Columns)}: {Why}";

    public string Excerpt => LockLinter.Excerpt(Statement);
}

/// <summary>What lint found in one migration: its hazards, and the statements it could not read for locks (their excerpts).</summary>
internal sealed record MigrationLint(IReadOnlyList<Hazard> Hazards, IReadOnlyList<string> NotAnalysed);

/// <summary>
/// Reads the SQL of migrations, in the order a run applies them, for the lock hazards of <see cref="LintRules"/>.
/// Migrations it does not lint (applied, or before the range) are only <see cref="Learn"/>ed from, so that it knows
/// the columns' types and the indexes' tables when a later one changes them. One instance follows one run: a
/// <c>SET lock_timeout</c> outlives its migration on the run's session, as it would.
/// </summary>
internal sealed class LockLinter(string schema, TimeSpan runnerLockTimeout, LintCatalog? catalog = null)
{
    /// <summary>What a <c>SET lock_timeout</c> (not LOCAL) left on the session; null: the runner's.</summary>
    private TimeSpan? sessionTimeout;

    public LintCatalog Catalog { get; } = catalog ?? new LintCatalog();

    /// <summary>A migration lint does not read for hazards: the catalog learns what it builds.</summary>
    public void Learn(IEnumerable<GeneratedSql> sql)
    {
        foreach (var generated in sql)
        {
            foreach (var statement in StatementReader.Statements(generated.Sql))
            {
                foreach (var act in StatementReader.Read(statement, schema, generated.IndexTable))
                {
                    Catalog.Apply(act);
                }
            }
        }
    }

    /// <summary>
    /// The hazards of one migration's statements, in order, and the statements lint cannot read;
    /// <paramref name="transactional"/> when it runs in one transaction.
    /// </summary>
    public MigrationLint Lint(IEnumerable<GeneratedSql> sql, bool transactional)
    {
        var scan = new MigrationScan(transactional);
        var hazards = new List<Hazard>();
        var notAnalysed = new List<string>();
        foreach (var generated in sql)
        {
            foreach (var statement in StatementReader.Statements(generated.Sql))
            {
                var acts = StatementReader.Read(statement, schema, generated.IndexTable);
                if (acts.Any(a => a is NotAnalysed))
                {
                    notAnalysed.Add(Excerpt(statement));
                }

                var found = acts.SelectMany(a => Check(a, statement, scan)).ToList();
                found.AddRange(CheckLockTimeout(acts, statement, scan));
                hazards.AddRange(Merged(found));
                foreach (var act in acts)
                {
                    scan.Apply(act, statement, this);
                    Catalog.Apply(act);
                }
            }
        }

        return new MigrationLint(hazards, notAnalysed);
    }

    /// <summary>The statement on one line, cut at 160 characters.</summary>
    internal static string Excerpt(SqlStatement statement)
    {
        var flat = string.Join(' ', statement.Text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 160 ? flat : flat[..157] + "...";
    }

    private string Show(QualifiedName table) => table.ShownIn(schema);

    private TimeSpan LockTimeout(MigrationScan scan) => scan.LocalTimeout ?? sessionTimeout ?? runnerLockTimeout;

    private IEnumerable<Hazard> Check(StatementAct act, SqlStatement statement, MigrationScan scan)
    {
        Hazard Found(string rule, QualifiedName? table, LockMode own, string why, BlockedQueries? blocks = null)
        {
            var (held, since) = table is { } t ? scan.HeldOn(t) : (LockMode.AccessShare, null);
            var effective = held > own ? held : own;
            var blocked = (BlockedQueries)Math.Max((int)effective.Blocks(), (int)(blocks ?? BlockedQueries.None));
            var heldNote = held > own && since is not null
                ? $"; the migration already holds {held.ToSql()} on {Show(table!.Value)} since `{since}`, until it commits"
                : "";
            return new Hazard(rule, table, statement, effective, blocked, why + heldNote);
        }

        switch (act)
        {
            case IndexCreated created when !created.Concurrently && scan.MayHoldRows(created.On):
                yield return Found(LintRules.AddIndexWithoutConcurrently, created.On, created.Lock,
                    $"{(created.Unique ? "the unique index" : "the index")}{(created.Index is { } name ? $" {name.Name}" : "")} is built over every row of {Show(created.On)} while its writes wait");
                break;
            case IndexesDropped dropped when !dropped.Concurrently:
                foreach (var index in dropped.Indexes.Where(i => !scan.CreatedIndexes.Contains(i)))
                {
                    var table = dropped.IndexTable ?? Catalog.TableOf(index);
                    if (table is not { } t || scan.MayHoldRows(t))
                    {
                        yield return Found(LintRules.DropIndexWithoutConcurrently, table, LockMode.AccessExclusive,
                            $"dropping the index {index.Name} waits for every query on {(table is { } on ? Show(on) : "its table")} to end, and holds up every query after it until then");
                    }
                }

                break;
            case ConstraintAdded { Kind: ConstraintKind.ForeignKey, NotValid: false } foreignKey when scan.MayHoldRows(foreignKey.Altered):
                yield return Found(LintRules.AddForeignKeyWithoutNotValid, foreignKey.Altered, foreignKey.Lock,
                    $"the foreign key{Named(foreignKey.Name)} is checked on every row of {Show(foreignKey.Altered)}{(foreignKey.References is { } referenced && !scan.Created.Contains(referenced) ? $", and {Show(referenced)} is locked SHARE ROW EXCLUSIVE too (its writes wait as well)" : "")}");
                break;
            case ConstraintAdded { Kind: ConstraintKind.Check, NotValid: false } check when scan.MayHoldRows(check.Altered):
                yield return Found(LintRules.AddCheckWithoutNotValid, check.Altered, check.Lock,
                    $"the check{Named(check.Name)} is evaluated on every row of {Show(check.Altered)}");
                break;
            case ConstraintAdded { Kind: ConstraintKind.Unique or ConstraintKind.PrimaryKey, UsingIndex: false } unique when scan.MayHoldRows(unique.Altered):
                yield return Found(LintRules.AddUniqueConstraintInPlace, unique.Altered, unique.Lock,
                    $"the {(unique.Kind == ConstraintKind.PrimaryKey ? "primary key" : "unique constraint")}{Named(unique.Name)} builds its index over every row of {Show(unique.Altered)}");
                break;
            case ConstraintValidated validated when scan.AddedNotValid.TryGetValue((validated.Altered, validated.Name), out var kind):
                yield return Found(kind == ConstraintKind.ForeignKey ? LintRules.AddForeignKeyWithoutNotValid : LintRules.AddCheckWithoutNotValid,
                    validated.Altered, validated.Lock,
                    $"{validated.Name} is validated in the same transaction that added it NOT VALID, so its scan of every row runs under the lock the ADD took");
                break;
            case NotNullSet notNull when scan.MayHoldRows(notNull.Altered) && !Catalog.ProvesNotNull(notNull.Altered, notNull.Column):
                yield return Found(LintRules.SetNotNull, notNull.Altered, notNull.Lock,
                    $"{notNull.Column}: every row of {Show(notNull.Altered)} is scanned for a NULL");
                break;
            case ColumnRetyped retyped when scan.MayHoldRows(retyped.Altered)
                                         && TypeChange.Rewrites(retyped.Column, Catalog.TypeOf(retyped.Altered, retyped.Column), retyped.NewType, retyped.Using) is { } rewrite:
                yield return Found(LintRules.AlterColumnTypeRewrite, retyped.Altered, retyped.Lock, rewrite) with { Columns = [retyped.Column] };
                break;
            case ColumnAdded added when scan.MayHoldRows(added.Altered):
                foreach (var hazard in AddedColumn(added, Found))
                {
                    yield return hazard;
                }

                break;
            case TableRenamed renamed when !scan.Created.Contains(renamed.Altered):
                yield return Found(LintRules.RenameTable, renamed.Altered, renamed.Lock,
                    $"{Show(renamed.Altered)} becomes {renamed.NewName.Name}: queries of the running release that name {Show(renamed.Altered)} fail");
                break;
            case ColumnRenamed renamed when !scan.Created.Contains(renamed.Altered) && !scan.AddedColumns.Contains((renamed.Altered, renamed.Column)):
                yield return Found(LintRules.RenameColumn, renamed.Altered, renamed.Lock,
                    $"{renamed.Column} becomes {renamed.NewName}: queries of the running release that name {renamed.Column} fail");
                break;
            case TablesDropped dropped:
                foreach (var table in dropped.Tables.Where(t => !scan.Created.Contains(t)))
                {
                    var others = Catalog.ForeignKeysOf(table).Values.Where(r => r != table && !dropped.Tables.Contains(r) && !scan.Created.Contains(r)).Distinct().Select(Show).ToList();
                    yield return Found(LintRules.DropTable, table, dropped.Lock,
                        $"{Show(table)} is dropped: queries of the running release that use it fail{(others.Count == 0 ? "" : $"; {string.Join(", ", others)}, which its foreign keys reference, {(others.Count == 1 ? "is" : "are")} locked ACCESS EXCLUSIVE too")}");
                }

                break;
            case TablesVacuumed { Full: true } vacuumed:
                foreach (var full in vacuumed.Tables.Where(scan.MayHoldRows))
                {
                    yield return Found(LintRules.VacuumFull, full, vacuumed.Lock,
                        $"every row of {Show(full)} is copied into a new file and its indexes rebuilt (a rewrite), while its reads and writes wait");
                }

                if (vacuumed.Tables.Count == 0)
                {
                    yield return Found(LintRules.VacuumFull, null, vacuumed.Lock,
                        "every table of the database is rewritten in turn (VACUUM FULL names none), each locked against reads and writes while it is");
                }

                break;
            case TableClustered clustered when clustered.On is not { } on || scan.MayHoldRows(on):
                yield return Found(LintRules.Cluster, clustered.On, clustered.Lock, clustered.On is { } rewritten
                    ? $"every row of {Show(rewritten)} is rewritten in the order of an index and its indexes rebuilt, while its reads and writes wait"
                    : "every table clustered before is rewritten in turn (CLUSTER names none), each locked against reads and writes while it is");
                break;
            case Reindexed { Concurrently: false } reindexed when TableOf(reindexed) is not { } on || scan.MayHoldRows(on):
                yield return Found(LintRules.ReindexWithoutConcurrently, TableOf(reindexed), reindexed.Lock,
                    $"{(reindexed.Index is { } rebuilt ? $"the index {rebuilt.Name} is" : "every index of the table is")} rebuilt under an ACCESS EXCLUSIVE lock on the index and SHARE on the table: writes wait, and so do the reads that plan on the table (planning opens every index)",
                    BlockedQueries.ReadsAndWrites);
                break;
            case ConstraintAdded { Kind: ConstraintKind.Exclude } exclusion when scan.MayHoldRows(exclusion.Altered):
                yield return Found(LintRules.AddExclusionConstraint, exclusion.Altered, exclusion.Lock,
                    $"the exclusion constraint{Named(exclusion.Name)} builds its index over every row of {Show(exclusion.Altered)} and checks each row against the others");
                break;
            case PersistenceChanged changed when scan.MayHoldRows(changed.Altered):
                yield return Found(LintRules.SetLoggedOrUnlogged, changed.Altered, changed.Lock,
                    $"{Show(changed.Altered)} is rewritten {(changed.Logged ? "as a logged table, every row written to the WAL" : "as an unlogged table")}, and its indexes rebuilt");
                break;
            case TablesLocked locked when locked.Mode.Blocks() != BlockedQueries.None:
                foreach (var explicitly in locked.Tables.Where(t => !scan.Created.Contains(t)))
                {
                    yield return Found(LintRules.LockTable, explicitly, locked.Mode,
                        $"{Show(explicitly)} is locked {locked.Mode.ToSql()} by the migration itself, until its transaction ends");
                }

                break;
            case ColumnDropped dropped when !scan.Created.Contains(dropped.Altered) && !scan.AddedColumns.Contains((dropped.Altered, dropped.Column)):
                yield return Found(LintRules.DropColumn, dropped.Altered, dropped.Lock,
                    $"{dropped.Column} is dropped: queries of the running release that read or write it fail");
                break;
            case RowsChanged { Kind: DataChangeKind.Update or DataChangeKind.Delete, Bounded: false } changed when scan.MayHoldRows(changed.Changed):
                yield return Found(LintRules.UnbatchedDataChange, changed.Changed, changed.Lock,
                    $"{(changed.Kind == DataChangeKind.Update ? "updates" : "deletes")} every matching row of {Show(changed.Changed)} in one statement; each stays locked against other writes until {(scan.Transactional ? "the migration commits" : "the statement ends")}",
                    BlockedQueries.Writes);
                break;
            case RowsChanged { Kind: DataChangeKind.InsertSelect, Bounded: false } copied when scan.Transactional
                                                                                             && copied.Reads.Where(scan.MayHoldRows).Select(r => (QualifiedName?)r).FirstOrDefault() is { } source
                                                                                             && scan.StrongestHeld() is { } held:
                yield return Found(LintRules.UnbatchedDataChange, held.Table, LockMode.AccessShare,
                    $"copies every row of {Show(source)} into {Show(copied.Changed)} in one statement, inside the migration's transaction");
                break;
        }
    }

    private IEnumerable<Hazard> AddedColumn(ColumnAdded added, Func<string, QualifiedName?, LockMode, string, BlockedQueries?, Hazard> found)
    {
        var column = added.Column;
        if (VolatileDefaults.Rewrites(column) is { } rewrite)
        {
            yield return found(LintRules.AddColumnVolatileDefault, added.Altered, added.Lock, $"{column.Name} {rewrite}, so every row of {Show(added.Altered)} is rewritten", null);
        }

        if (column.References is { } referenced)
        {
            yield return found(LintRules.AddForeignKeyWithoutNotValid, added.Altered, added.Lock,
                $"the foreign key of {column.Name} to {Show(referenced)} is checked on every row of {Show(added.Altered)}, and {Show(referenced)} is locked SHARE ROW EXCLUSIVE too", null);
        }

        if (column.Unique || column.PrimaryKey)
        {
            yield return found(LintRules.AddUniqueConstraintInPlace, added.Altered, added.Lock,
                $"the {(column.PrimaryKey ? "primary key" : "unique constraint")} of {column.Name} builds its index over every row of {Show(added.Altered)}", null);
        }

        if (column.Check)
        {
            yield return found(LintRules.AddCheckWithoutNotValid, added.Altered, added.Lock,
                $"the check of {column.Name} is evaluated on every row of {Show(added.Altered)}", null);
        }
    }

    /// <summary>
    /// Once per migration: the first statement that would wait for a lock blocking reads or writes on a table the
    /// migration did not create, with no lock_timeout in effect.
    /// </summary>
    private IEnumerable<Hazard> CheckLockTimeout(IReadOnlyList<StatementAct> acts, SqlStatement statement, MigrationScan scan)
    {
        if (scan.ReportedLockTimeout || LockTimeout(scan) > TimeSpan.Zero)
        {
            yield break;
        }

        foreach (var (table, mode) in acts.SelectMany(a => Locks(a).Where(l => a is not TableCreated created || l.Table != created.Created)))
        {
            if (mode.Blocks() == BlockedQueries.None || scan.Created.Contains(table) || scan.HeldOn(table).Lock >= mode)
            {
                continue;
            }

            scan.ReportedLockTimeout = true;
            var off = sessionTimeout is { } session && session <= TimeSpan.Zero || scan.LocalTimeout is { } local && local <= TimeSpan.Zero
                ? "the migration set lock_timeout to 0"
                : "the runner's lock timeout is 0 (off)";
            yield return new Hazard(LintRules.StrongLockWithoutLockTimeout, table, statement, mode, mode.Blocks(),
                $"{off}, so this {mode.ToSql()} lock on {Show(table)} waits behind any long transaction on it, and every query after it waits as long");
            yield break;
        }
    }

    /// <summary>The tables a statement locks and how; an index dropped locks its table.</summary>
    internal IEnumerable<(QualifiedName Table, LockMode Lock)> Locks(StatementAct act)
    {
        if (act.Table is { } table)
        {
            yield return (table, act.Lock);
        }

        foreach (var other in act.OtherLocks)
        {
            yield return other;
        }

        switch (act)
        {
            case IndexesDropped dropped:
                foreach (var index in dropped.Indexes)
                {
                    if ((dropped.IndexTable ?? Catalog.TableOf(index)) is { } on)
                    {
                        yield return (on, act.Lock);
                    }
                }

                break;
            case Reindexed { On: null } reindexed when TableOf(reindexed) is { } on:
                yield return (on, act.Lock);
                break;

            // A foreign key dropped, with its table or alone, drops its triggers on the table it references (ACCESS
            // EXCLUSIVE there too); one validated reads that table (ROW SHARE).
            case TablesDropped dropped:
                foreach (var referenced in dropped.Tables.SelectMany(t => Catalog.ForeignKeysOf(t).Values).Where(r => !dropped.Tables.Contains(r)).Distinct())
                {
                    yield return (referenced, LockMode.AccessExclusive);
                }

                break;
            case ConstraintDropped dropped when Catalog.ForeignKeysOf(dropped.Altered).TryGetValue(dropped.Name, out var referenced) && referenced != dropped.Altered:
                yield return (referenced, LockMode.AccessExclusive);
                break;
            case ConstraintValidated validated when Catalog.ForeignKeysOf(validated.Altered).TryGetValue(validated.Name, out var referenced) && referenced != validated.Altered:
                yield return (referenced, LockMode.RowShare);
                break;
        }
    }

    /// <summary>The table a REINDEX rebuilds the indexes of: the one it names, or its index's; null when unknown.</summary>
    private QualifiedName? TableOf(Reindexed reindexed) => reindexed.On ?? (reindexed.Index is { } index ? Catalog.TableOf(index) : null);

    /// <summary>
    /// One hazard per rule and table in a statement: the actions of one ALTER TABLE together, the columns they are said
    /// of alike named together.
    /// </summary>
    private static IEnumerable<Hazard> Merged(List<Hazard> found)
        => found.GroupBy(h => (h.Rule, h.Table)).Select(g => g.Count() == 1 ? g.First() : g.First() with
        {
            Lock = g.Max(h => h.Lock),
            Blocks = g.Max(h => h.Blocks),
            Why = string.Join("; ", g.GroupBy(h => h.Why).Select(same => same.SelectMany(h => h.Columns).Distinct().ToList() is { Count: > 0 } columns
                ? $"{string.Join(", ", columns)}: {same.Key}"
                : same.Key)),
            Columns = [],
        });

    private static string Named(string? name) => name is null ? "" : $" {name}";

    internal void SetSessionTimeout(TimeSpan? value) => sessionTimeout = value;

    internal TimeSpan RunnerLockTimeout => runnerLockTimeout;

    /// <summary>What the statements of one migration did so far, as its later statements see it.</summary>
    private sealed class MigrationScan(bool transactional)
    {
        public bool Transactional { get; } = transactional;

        /// <summary>Tables the migration created: nobody else uses them yet.</summary>
        public HashSet<QualifiedName> Created { get; } = [];

        /// <summary>Tables the migration (in its transaction) truncated: empty, and locked against everyone until it commits.</summary>
        public HashSet<QualifiedName> Emptied { get; } = [];

        public HashSet<(QualifiedName Table, string Column)> AddedColumns { get; } = [];

        public HashSet<QualifiedName> CreatedIndexes { get; } = [];

        /// <summary>Constraints added NOT VALID in this transaction, by table and name.</summary>
        public Dictionary<(QualifiedName Table, string Name), ConstraintKind> AddedNotValid { get; } = [];

        /// <summary>The strongest lock the transaction holds on each table, and the statement that took it.</summary>
        public Dictionary<QualifiedName, (LockMode Lock, string Since)> Held { get; } = [];

        /// <summary>A <c>SET LOCAL lock_timeout</c> of this transaction.</summary>
        public TimeSpan? LocalTimeout { get; private set; }

        public bool ReportedLockTimeout { get; set; }

        /// <summary>Whether what the statement does to the table's rows takes time: not for a table created here, nor one truncated in this transaction.</summary>
        public bool MayHoldRows(QualifiedName table) => !Created.Contains(table) && !(Transactional && Emptied.Contains(table));

        public (LockMode Lock, string? Since) HeldOn(QualifiedName table)
            => Held.TryGetValue(table, out var held) ? held : (LockMode.AccessShare, null);

        /// <summary>The strongest lock held on a table the migration did not create, that blocks reads or writes.</summary>
        public (QualifiedName Table, LockMode Lock, string Since)? StrongestHeld()
            => Held.Where(h => !Created.Contains(h.Key) && h.Value.Lock.Blocks() != BlockedQueries.None)
                .OrderByDescending(h => h.Value.Lock)
                .Select(h => ((QualifiedName Table, LockMode Lock, string Since)?)(h.Key, h.Value.Lock, h.Value.Since))
                .FirstOrDefault();

        public void Apply(StatementAct act, SqlStatement statement, LockLinter linter)
        {
            if (Transactional)
            {
                foreach (var (table, mode) in linter.Locks(act))
                {
                    if (!Held.TryGetValue(table, out var held) || held.Lock < mode)
                    {
                        Held[table] = (mode, statement.Excerpt);
                    }
                }
            }

            switch (act)
            {
                case TableCreated created:
                    Created.Add(created.Created);
                    break;
                case TableRenamed renamed:
                    Move(Created, renamed.Altered, renamed.NewName);
                    Move(Emptied, renamed.Altered, renamed.NewName);
                    if (Held.Remove(renamed.Altered, out var held))
                    {
                        Held[renamed.NewName] = held;
                    }

                    break;
                case TablesDropped dropped:
                    foreach (var table in dropped.Tables)
                    {
                        Created.Remove(table);
                        Emptied.Remove(table);
                    }

                    break;
                case TablesTruncated truncated when Transactional:
                    Emptied.UnionWith(truncated.Tables);
                    break;
                case ColumnAdded added:
                    AddedColumns.Add((added.Altered, added.Column.Name));
                    break;
                case ColumnRenamed renamed when AddedColumns.Remove((renamed.Altered, renamed.Column)):
                    AddedColumns.Add((renamed.Altered, renamed.NewName));
                    break;
                case IndexCreated { Index: { } index }:
                    CreatedIndexes.Add(index);
                    break;
                case ConstraintAdded { NotValid: true, Name: { } name } constraint when Transactional:
                    AddedNotValid[(constraint.Altered, name)] = constraint.Kind;
                    break;
                case LockTimeoutSet { Local: true } set when Transactional:
                    LocalTimeout = set.Value ?? linter.RunnerLockTimeout;
                    break;
                case LockTimeoutSet { Local: false } set:
                    linter.SetSessionTimeout(set.Value);
                    LocalTimeout = null;
                    break;
            }
        }

        private static void Move(HashSet<QualifiedName> set, QualifiedName from, QualifiedName to)
        {
            if (set.Remove(from))
            {
                set.Add(to);
            }
        }
    }
}

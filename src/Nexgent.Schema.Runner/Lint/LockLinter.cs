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

    /// <summary>The statement on one line, cut at 160 characters.</summary>
    public string Excerpt
    {
        get
        {
            var flat = string.Join(' ', Statement.Text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
            return flat.Length <= 160 ? flat : flat[..157] + "...";
        }
    }
}

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
            foreach (var statement in SqlStatement.Split(generated.Sql))
            {
                foreach (var act in StatementReader.Read(statement, schema, generated.IndexTable))
                {
                    Catalog.Apply(act);
                }
            }
        }
    }

    /// <summary>The hazards of one migration's statements, in order; <paramref name="transactional"/> when it runs in one transaction.</summary>
    public IReadOnlyList<Hazard> Lint(IEnumerable<GeneratedSql> sql, bool transactional)
    {
        var scan = new MigrationScan(transactional);
        var hazards = new List<Hazard>();
        foreach (var generated in sql)
        {
            foreach (var statement in SqlStatement.Split(generated.Sql))
            {
                var acts = StatementReader.Read(statement, schema, generated.IndexTable);
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

        return hazards;
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
                    yield return Found(LintRules.DropTable, table, dropped.Lock,
                        $"{Show(table)} is dropped: queries of the running release that use it fail");
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

        if (act is IndexesDropped dropped)
        {
            foreach (var index in dropped.Indexes)
            {
                if ((dropped.IndexTable ?? Catalog.TableOf(index)) is { } on)
                {
                    yield return (on, act.Lock);
                }
            }
        }
    }

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

using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// One thing a statement does to the schema or the rows, as lint reads it; <see cref="Lock"/> is the lock it takes on
/// <see cref="Table"/> (null when it names none, or one lint does not need).
/// </summary>
internal abstract record StatementAct
{
    public abstract QualifiedName? Table { get; }

    public abstract LockMode Lock { get; }

    /// <summary>Other tables the statement locks, with their mode (the table a foreign key references).</summary>
    public virtual IEnumerable<(QualifiedName Table, LockMode Lock)> OtherLocks => [];
}

internal sealed record IndexCreated(QualifiedName On, QualifiedName? Index, bool Concurrently, bool Unique) : StatementAct
{
    public override QualifiedName? Table => On;

    public override LockMode Lock => Concurrently ? LockMode.ShareUpdateExclusive : LockMode.Share;
}

/// <summary>Indexes dropped; <see cref="IndexTable"/> is the table FluentMigrator's expression names, when it does.</summary>
internal sealed record IndexesDropped(IReadOnlyList<QualifiedName> Indexes, bool Concurrently, QualifiedName? IndexTable) : StatementAct
{
    public override QualifiedName? Table => null;

    public override LockMode Lock => Concurrently ? LockMode.ShareUpdateExclusive : LockMode.AccessExclusive;
}

/// <summary>A column as a table or an ADD COLUMN defines it.</summary>
internal sealed record ColumnDefinition(
    string Name,
    string Type,
    string? Default,
    bool NotNull,
    QualifiedName? References,
    bool Unique,
    bool PrimaryKey,
    bool Check,
    bool GeneratedStored,
    bool Identity);

/// <summary>A foreign key: its name (PostgreSQL's default one when the statement gives none) and the table it references.</summary>
internal sealed record ForeignKey(string Name, QualifiedName References);

/// <summary>
/// A table created, with the foreign keys it declares and the tables it reads (<c>AS SELECT</c>, <c>LIKE</c>), which
/// only an ACCESS SHARE lock is taken on.
/// </summary>
internal sealed record TableCreated(QualifiedName Created, IReadOnlyList<ColumnDefinition> Columns, bool WithRows, IReadOnlyList<ForeignKey> ForeignKeys, IReadOnlyList<QualifiedName> Reads) : StatementAct
{
    public override QualifiedName? Table => Created;

    public override LockMode Lock => LockMode.AccessExclusive;

    public override IEnumerable<(QualifiedName Table, LockMode Lock)> OtherLocks
        => ForeignKeys.Select(k => (k.References, LockMode.ShareRowExclusive)).Concat(Reads.Select(r => (r, LockMode.AccessShare)));
}

internal sealed record TablesDropped(IReadOnlyList<QualifiedName> Tables) : StatementAct
{
    public override QualifiedName? Table => null;

    public override LockMode Lock => LockMode.AccessExclusive;

    public override IEnumerable<(QualifiedName Table, LockMode Lock)> OtherLocks => Tables.Select(t => (t, LockMode.AccessExclusive));
}

internal sealed record TablesTruncated(IReadOnlyList<QualifiedName> Tables) : StatementAct
{
    public override QualifiedName? Table => null;

    public override LockMode Lock => LockMode.AccessExclusive;

    public override IEnumerable<(QualifiedName Table, LockMode Lock)> OtherLocks => Tables.Select(t => (t, LockMode.AccessExclusive));
}

internal sealed record TablesLocked(IReadOnlyList<QualifiedName> Tables, LockMode Mode) : StatementAct
{
    public override QualifiedName? Table => null;

    public override LockMode Lock => Mode;

    public override IEnumerable<(QualifiedName Table, LockMode Lock)> OtherLocks => Tables.Select(t => (t, Mode));
}

/// <summary>
/// <c>VACUUM</c> or <c>ANALYZE</c> of <see cref="Tables"/> (none named: every table of the database);
/// <see cref="Full"/> for <c>VACUUM FULL</c>, which rewrites each table.
/// </summary>
internal sealed record TablesVacuumed(IReadOnlyList<QualifiedName> Tables, bool Full) : StatementAct
{
    public override QualifiedName? Table => null;

    public override LockMode Lock => Full ? LockMode.AccessExclusive : LockMode.ShareUpdateExclusive;

    public override IEnumerable<(QualifiedName Table, LockMode Lock)> OtherLocks => Tables.Select(t => (t, Lock));
}

/// <summary><c>CLUSTER</c>: the table rewritten in the order of an index; with no table named, every table clustered before.</summary>
internal sealed record TableClustered(QualifiedName? On) : StatementAct
{
    public override QualifiedName? Table => On;

    public override LockMode Lock => LockMode.AccessExclusive;
}

/// <summary>
/// <c>REINDEX TABLE</c> (<see cref="Index"/> null) or <c>REINDEX INDEX</c>: SHARE on the table (ACCESS EXCLUSIVE on each
/// index rebuilt), SHARE UPDATE EXCLUSIVE <see cref="Concurrently"/>. <see cref="On"/> is null for an index whose table
/// lint does not know.
/// </summary>
internal sealed record Reindexed(QualifiedName? On, QualifiedName? Index, bool Concurrently) : StatementAct
{
    public override QualifiedName? Table => On;

    public override LockMode Lock => Concurrently ? LockMode.ShareUpdateExclusive : LockMode.Share;
}

/// <summary>
/// A statement lint cannot read for locks: not one it knows, nor one known to take no lock that blocks queries. It is
/// reported as not analysed, never passed over.
/// </summary>
internal sealed record NotAnalysed : StatementAct
{
    public override QualifiedName? Table => null;

    public override LockMode Lock => LockMode.AccessShare;
}

/// <summary>One action of an <c>ALTER TABLE</c>; the statement's lock on the table is the strongest of its actions'.</summary>
internal abstract record TableAltered(QualifiedName Altered) : StatementAct
{
    public override QualifiedName? Table => Altered;

    public override LockMode Lock => LockMode.AccessExclusive;
}

internal sealed record ColumnAdded(QualifiedName Altered, ColumnDefinition Column) : TableAltered(Altered)
{
    public override IEnumerable<(QualifiedName Table, LockMode Lock)> OtherLocks
        => Column.References is { } referenced ? [(referenced, LockMode.ShareRowExclusive)] : [];
}

internal sealed record ColumnDropped(QualifiedName Altered, string Column) : TableAltered(Altered);

internal sealed record ColumnRenamed(QualifiedName Altered, string Column, string NewName) : TableAltered(Altered);

internal sealed record TableRenamed(QualifiedName Altered, QualifiedName NewName) : TableAltered(Altered);

/// <summary><c>ALTER COLUMN ... TYPE</c>; <see cref="Using"/> is its USING expression, when it has one.</summary>
internal sealed record ColumnRetyped(QualifiedName Altered, string Column, string NewType, string? Using) : TableAltered(Altered);

internal sealed record NotNullSet(QualifiedName Altered, string Column) : TableAltered(Altered);

internal enum ConstraintKind
{
    ForeignKey,
    Check,
    Unique,
    PrimaryKey,
    Exclude,
}

/// <summary>
/// <c>ADD CONSTRAINT</c>; <see cref="NotNullColumn"/> is the column a <c>CHECK (column IS NOT NULL)</c> is about.
/// </summary>
internal sealed record ConstraintAdded(
    QualifiedName Altered,
    string? Name,
    ConstraintKind Kind,
    bool NotValid,
    bool UsingIndex,
    QualifiedName? References,
    string? NotNullColumn) : TableAltered(Altered)
{
    public override LockMode Lock => Kind == ConstraintKind.ForeignKey ? LockMode.ShareRowExclusive : LockMode.AccessExclusive;

    public override IEnumerable<(QualifiedName Table, LockMode Lock)> OtherLocks
        => References is { } referenced ? [(referenced, LockMode.ShareRowExclusive)] : [];
}

internal sealed record ConstraintValidated(QualifiedName Altered, string Name) : TableAltered(Altered)
{
    public override LockMode Lock => LockMode.ShareUpdateExclusive;
}

internal sealed record ConstraintDropped(QualifiedName Altered, string Name) : TableAltered(Altered);

/// <summary><c>SET LOGGED</c> or <c>SET UNLOGGED</c>: the table rewritten.</summary>
internal sealed record PersistenceChanged(QualifiedName Altered, bool Logged) : TableAltered(Altered);

/// <summary>Any other action of an <c>ALTER TABLE</c>, with the lock it takes.</summary>
internal sealed record OtherAlteration(QualifiedName Altered, LockMode Taken) : TableAltered(Altered)
{
    public override LockMode Lock => Taken;
}

internal enum DataChangeKind
{
    Update,
    Delete,
    InsertSelect,

    /// <summary><c>INSERT ... VALUES</c> (or <c>DEFAULT VALUES</c>): the rows it writes, no more.</summary>
    Insert,
}

/// <summary>
/// Rows changed by one statement; <see cref="Bounded"/> when its WHERE or a LIMIT keeps it to a known set of rows,
/// <see cref="Reads"/> the other tables it reads (ACCESS SHARE).
/// </summary>
internal sealed record RowsChanged(QualifiedName Changed, DataChangeKind Kind, bool Bounded, IReadOnlyList<QualifiedName> Reads) : StatementAct
{
    public override QualifiedName? Table => Changed;

    public override LockMode Lock => LockMode.RowExclusive;

    public override IEnumerable<(QualifiedName Table, LockMode Lock)> OtherLocks => Reads.Where(r => r != Changed).Select(r => (r, LockMode.AccessShare));
}

/// <summary>
/// The session's lock_timeout set (<see cref="Value"/>; zero turns it off) or, with a null value, reset to the
/// runner's. <see cref="Local"/> for <c>SET LOCAL</c>, which ends with the transaction.
/// </summary>
internal sealed record LockTimeoutSet(TimeSpan? Value, bool Local) : StatementAct
{
    public override QualifiedName? Table => null;

    public override LockMode Lock => LockMode.AccessShare;
}

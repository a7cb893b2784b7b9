namespace Nexgent.Schema.Runner.Generation;

/// <summary>
/// A schema as the generator sees it: what a migration class can create and drop one by one. Names are the
/// catalog's, exactly (Prisma's mixed case kept). Objects the fluent API has no words for are <see cref="RawObject"/>s:
/// their definition as PostgreSQL prints it, and the statement that drops them.
/// </summary>
internal sealed record SchemaModel(
    IReadOnlyList<TableModel> Tables,
    IReadOnlyList<EnumModel> Enums,
    IReadOnlyList<SequenceModel> Sequences,
    IReadOnlyList<RawObject> RawObjects)
{
    public static SchemaModel Empty { get; } = new([], [], [], []);

    public TableModel? Table(string name) => Tables.FirstOrDefault(t => t.Name == name);
}

internal sealed record TableModel(
    string Name,
    IReadOnlyList<ColumnModel> Columns,
    KeyModel? PrimaryKey,
    IReadOnlyList<IndexModel> Indexes,
    IReadOnlyList<ForeignKeyModel> ForeignKeys,
    IReadOnlyList<ConstraintModel> Constraints)
{
    public ColumnModel? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>
/// A column: <see cref="Type"/> as <c>format_type</c> prints it, its default as <c>pg_get_expr</c> prints it.
/// <see cref="Serial"/> when its default draws from a sequence it owns (<c>SERIAL</c>, Prisma's autoincrement);
/// <see cref="Identity"/> is <c>a</c> (always) or <c>d</c> (by default) for an identity column, else empty;
/// <see cref="Generated"/> the expression of a stored generated column.
/// </summary>
internal sealed record ColumnModel(string Name, string Type, bool NotNull, string? Default, bool Serial = false, string Identity = "", string? Generated = null)
{
    /// <summary>Everything that makes the column what it is, its name aside: two columns alike are one column renamed.</summary>
    public string Shape => $"{Type}|{NotNull}|{Default}|{Serial}|{Identity}|{Generated}";
}

/// <summary>A primary key (or unique) constraint: its name and columns.</summary>
internal sealed record KeyModel(string Name, IReadOnlyList<string> Columns);

/// <summary>
/// An index that is not a constraint's own. <see cref="IsPlain"/> when it is a btree on columns alone, ascending, with no
/// predicate, included column or operator class: what FluentMigrator's index builder writes. <see cref="Definition"/> is
/// PostgreSQL's <c>CREATE INDEX</c>, its table unqualified.
/// </summary>
internal sealed record IndexModel(string Name, bool Unique, IReadOnlyList<string> Columns, bool IsPlain, string Definition);

/// <summary>
/// A foreign key: its actions as PostgreSQL's letters (<c>a</c> no action, <c>r</c> restrict, <c>c</c> cascade,
/// <c>n</c> set null, <c>d</c> set default). <see cref="IsPlain"/> when the fluent API can write it (not deferrable, no
/// MATCH FULL, no restrict). <see cref="Definition"/> as <c>pg_get_constraintdef</c> prints it.
/// </summary>
internal sealed record ForeignKeyModel(
    string Name,
    IReadOnlyList<string> Columns,
    string ReferencedTable,
    IReadOnlyList<string> ReferencedColumns,
    char OnDelete,
    char OnUpdate,
    bool IsPlain,
    string Definition);

/// <summary>A unique, check or exclusion constraint, by its definition (<c>UNIQUE (a, b)</c>, <c>CHECK (...)</c>).</summary>
internal sealed record ConstraintModel(string Name, char Kind, IReadOnlyList<string> Columns, string Definition);

internal sealed record EnumModel(string Name, IReadOnlyList<string> Labels);

/// <summary>A sequence no column owns as its serial: its options, and the column it is owned by, if any.</summary>
internal sealed record SequenceModel(string Name, string DataType, long Start, long Increment, long Min, long Max, long Cache, bool Cycle, string? OwnedBy);

/// <summary>
/// An object the generator carries as SQL: a view, function, trigger, policy, rule, domain or extension. Created by
/// <see cref="Create"/>, dropped by <see cref="Drop"/>; two are the same when their <see cref="Create"/> is.
/// <see cref="Rank"/> orders creation (functions before the triggers and views that use them).
/// </summary>
internal sealed record RawObject(string Kind, string Name, string Create, string Drop, int Rank);

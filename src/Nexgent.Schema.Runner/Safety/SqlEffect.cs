namespace Nexgent.Schema.Runner.Safety;

/// <summary>What one statement does to tables and their rows, as far as losing data goes.</summary>
internal abstract record SqlEffect
{
    /// <summary>The tables whose rows the statement may read or change.</summary>
    public abstract IEnumerable<QualifiedName> Tables { get; }
}

/// <summary>A table the statement creates: empty unless <see cref="WithRows"/> (<c>CREATE TABLE ... AS SELECT</c>).</summary>
internal sealed record TableCreated(QualifiedName Table, bool WithRows) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"creates {Table}{(WithRows ? " with rows" : "")}";
}

/// <summary>
/// Rows the statement inserts: <see cref="Copied"/> from other rows (<c>INSERT ... SELECT</c>, <c>COPY</c>), data that a
/// later step can lose, or written in the migration (<c>INSERT ... VALUES</c> of constants), which its code keeps.
/// </summary>
internal sealed record RowsInserted(QualifiedName Table, bool Copied) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"inserts into {Table}";
}

internal sealed record TableRenamed(QualifiedName Table, QualifiedName NewName) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"renames {Table} to {NewName}";
}

internal sealed record TableDropped(QualifiedName Table) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"drops {Table}";
}

/// <summary>Rows deleted: every row (<c>TRUNCATE</c>, a <c>DELETE</c> without <c>WHERE</c>) or some.</summary>
internal sealed record RowsDeleted(QualifiedName Table, bool Every, SqlStatement Statement) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"deletes {(Every ? "every row" : "rows")} of {Table}";
}

/// <summary>Rows updated, setting <see cref="Columns"/> (null when the statement could not be read that far).</summary>
internal sealed record RowsUpdated(QualifiedName Table, IReadOnlyList<string>? Columns, SqlStatement Statement) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"updates {Table} ({(Columns is null ? "?" : string.Join(", ", Columns))})";
}

internal sealed record ColumnAdded(QualifiedName Table, string Column) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"adds {Table}.{Column}";
}

internal sealed record ColumnRenamed(QualifiedName Table, string Column, string NewName) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"renames {Table}.{Column} to {NewName}";
}

internal sealed record ColumnDropped(QualifiedName Table, string Column) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"drops {Table}.{Column}";
}

/// <summary>A column changed to <see cref="NewType"/>; <see cref="Rewritten"/> when every value is computed again (<c>USING</c>).</summary>
internal sealed record ColumnRetyped(QualifiedName Table, string Column, string NewType, bool Rewritten) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [Table];

    public override string ToString() => $"retypes {Table}.{Column} to {NewType}{(Rewritten ? " using an expression" : "")}";
}

/// <summary>A type dropped: with <c>CASCADE</c>, the columns of that type go with it.</summary>
internal sealed record TypeDropped(QualifiedName Type) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [];

    public override string ToString() => $"drops the type {Type}";
}

internal sealed record SchemaDropped(string Schema) : SqlEffect
{
    public override IEnumerable<QualifiedName> Tables => [];

    public override string ToString() => $"drops the schema {Schema}";
}

namespace Nexgent.Schema.Runner.Generation;

/// <summary>What a change does to an object, for the summary of a generated migration.</summary>
internal enum ChangeEffect
{
    Created,
    Changed,
    Dropped,
}

/// <summary>
/// One step of a generated migration. Each has an <see cref="Inverse"/>, the step of Down that undoes it, and says what
/// running it destroys (<see cref="Loses"/>), if anything, in the words of a <c>[LosesData]</c> attribute.
/// </summary>
internal abstract record Change
{
    public abstract Change Inverse { get; }

    /// <summary>What running this step destroys, as a sentence without its full stop; null when nothing.</summary>
    public virtual string? Loses => null;

    /// <summary>The object changed, as the summary names it (<c>table agents</c>, <c>column agents.name</c>).</summary>
    public abstract string Subject { get; }

    public abstract ChangeEffect Effect { get; }
}

internal sealed record CreateTable(TableModel Table) : Change
{
    public override Change Inverse => new DropTable(Table);

    public override string Subject => $"table {Table.Name}";

    public override ChangeEffect Effect => ChangeEffect.Created;
}

internal sealed record DropTable(TableModel Table) : Change
{
    public override Change Inverse => new CreateTable(Table);

    public override string Loses => $"the table {Table.Name} is dropped with its rows";

    public override string Subject => $"table {Table.Name}";

    public override ChangeEffect Effect => ChangeEffect.Dropped;
}

internal sealed record RenameTable(string From, string To) : Change
{
    public override Change Inverse => new RenameTable(To, From);

    public override string Subject => $"table {From} (renamed {To})";

    public override ChangeEffect Effect => ChangeEffect.Changed;
}

/// <summary>A column added; <see cref="Restoring"/> when it is the Down of a drop, which cannot bring the values back.</summary>
internal sealed record AddColumn(string Table, ColumnModel Column, bool Restoring = false) : Change
{
    public override Change Inverse => new DropColumn(Table, Column);

    public override string? Loses => Restoring ? $"{Table}.{Column.Name} comes back {(Column.Default is null ? "empty" : "with its default")}: its old values cannot be restored" : null;

    public override string Subject => $"column {Table}.{Column.Name}";

    public override ChangeEffect Effect => ChangeEffect.Created;
}

internal sealed record DropColumn(string Table, ColumnModel Column) : Change
{
    public override Change Inverse => new AddColumn(Table, Column, Restoring: true);

    public override string Loses => $"{Table}.{Column.Name} is dropped with its values";

    public override string Subject => $"column {Table}.{Column.Name}";

    public override ChangeEffect Effect => ChangeEffect.Dropped;
}

internal sealed record RenameColumn(string Table, string From, string To) : Change
{
    public override Change Inverse => new RenameColumn(Table, To, From);

    public override string Subject => $"column {Table}.{From} (renamed {To})";

    public override ChangeEffect Effect => ChangeEffect.Changed;
}

/// <summary>A column's type, nullability or default changed from <see cref="From"/> to <see cref="To"/>.</summary>
internal sealed record AlterColumn(string Table, ColumnModel From, ColumnModel To) : Change
{
    public override Change Inverse => new AlterColumn(Table, To, From);

    public override string? Loses => From.Type == To.Type || Safety.ColumnType.KeepsEveryValue(From.Type, To.Type)
        ? null
        : $"{Table}.{To.Name} changes from {From.Type} to {To.Type}: values that do not fit are cut, rounded or refused";

    public override string Subject => $"column {Table}.{To.Name}";

    public override ChangeEffect Effect => ChangeEffect.Changed;
}

internal sealed record AddPrimaryKey(string Table, KeyModel Key) : Change
{
    public override Change Inverse => new DropPrimaryKey(Table, Key);

    public override string Subject => $"primary key {Table}.{Key.Name}";

    public override ChangeEffect Effect => ChangeEffect.Created;
}

internal sealed record DropPrimaryKey(string Table, KeyModel Key) : Change
{
    public override Change Inverse => new AddPrimaryKey(Table, Key);

    public override string Subject => $"primary key {Table}.{Key.Name}";

    public override ChangeEffect Effect => ChangeEffect.Dropped;
}

internal sealed record CreateIndex(string Table, IndexModel Index) : Change
{
    public override Change Inverse => new DropIndex(Table, Index);

    public override string Subject => $"index {Table}.{Index.Name}";

    public override ChangeEffect Effect => ChangeEffect.Created;
}

internal sealed record DropIndex(string Table, IndexModel Index) : Change
{
    public override Change Inverse => new CreateIndex(Table, Index);

    public override string Subject => $"index {Table}.{Index.Name}";

    public override ChangeEffect Effect => ChangeEffect.Dropped;
}

internal sealed record AddForeignKey(string Table, ForeignKeyModel Key) : Change
{
    public override Change Inverse => new DropForeignKey(Table, Key);

    public override string Subject => $"foreign key {Table}.{Key.Name}";

    public override ChangeEffect Effect => ChangeEffect.Created;
}

internal sealed record DropForeignKey(string Table, ForeignKeyModel Key) : Change
{
    public override Change Inverse => new AddForeignKey(Table, Key);

    public override string Subject => $"foreign key {Table}.{Key.Name}";

    public override ChangeEffect Effect => ChangeEffect.Dropped;
}

internal sealed record AddConstraint(string Table, ConstraintModel Constraint) : Change
{
    public override Change Inverse => new DropConstraint(Table, Constraint);

    public override string Subject => $"constraint {Table}.{Constraint.Name}";

    public override ChangeEffect Effect => ChangeEffect.Created;
}

internal sealed record DropConstraint(string Table, ConstraintModel Constraint) : Change
{
    public override Change Inverse => new AddConstraint(Table, Constraint);

    public override string Subject => $"constraint {Table}.{Constraint.Name}";

    public override ChangeEffect Effect => ChangeEffect.Dropped;
}

internal sealed record CreateEnum(EnumModel Enum) : Change
{
    public override Change Inverse => new DropEnum(Enum);

    public override string Subject => $"enum {Enum.Name}";

    public override ChangeEffect Effect => ChangeEffect.Created;
}

internal sealed record DropEnum(EnumModel Enum) : Change
{
    public override Change Inverse => new CreateEnum(Enum);

    public override string Subject => $"enum {Enum.Name}";

    public override ChangeEffect Effect => ChangeEffect.Dropped;
}

/// <summary>A label added to an enum (<c>ALTER TYPE ... ADD VALUE</c>), before <see cref="Before"/> or, when null, last.</summary>
internal sealed record AddEnumLabel(EnumModel From, EnumModel To, string Label, string? Before, IReadOnlyList<EnumUse> Uses) : Change
{
    public override Change Inverse => new RecreateEnum(To, From, Uses);

    public override string Subject => $"enum {To.Name}";

    public override ChangeEffect Effect => ChangeEffect.Changed;
}

/// <summary>
/// An enum whose labels changed otherwise than by additions: made again with the new labels, and every column that uses
/// it converted through text (what Prisma writes). A row holding a label that is gone makes it fail.
/// </summary>
internal sealed record RecreateEnum(EnumModel From, EnumModel To, IReadOnlyList<EnumUse> Uses) : Change
{
    public override Change Inverse => new RecreateEnum(To, From, Uses);

    public override string? Loses => From.Labels.Except(To.Labels).ToList() is { Count: > 0 } gone
        ? $"the enum {To.Name} loses {string.Join(", ", gone.Select(l => $"'{l}'"))}: rows holding {(gone.Count == 1 ? "it" : "them")} make it fail"
        : null;

    public override string Subject => $"enum {To.Name}";

    public override ChangeEffect Effect => ChangeEffect.Changed;
}

/// <summary>A column whose type is an enum (or an array of it), with its default.</summary>
internal sealed record EnumUse(string Table, string Column, string Type, string? Default);

internal sealed record CreateSequence(SequenceModel Sequence) : Change
{
    public override Change Inverse => new DropSequence(Sequence);

    public override string Subject => $"sequence {Sequence.Name}";

    public override ChangeEffect Effect => ChangeEffect.Created;
}

internal sealed record DropSequence(SequenceModel Sequence) : Change
{
    public override Change Inverse => new CreateSequence(Sequence);

    public override string Subject => $"sequence {Sequence.Name}";

    public override ChangeEffect Effect => ChangeEffect.Dropped;
}

/// <summary>A sequence made owned by a column (<c>OWNED BY</c>), or no longer (<see cref="Owner"/> null).</summary>
internal sealed record OwnSequence(string Sequence, string? Owner, string? PreviousOwner) : Change
{
    public override Change Inverse => new OwnSequence(Sequence, PreviousOwner, Owner);

    public override string Subject => $"sequence {Sequence}";

    public override ChangeEffect Effect => ChangeEffect.Changed;
}

internal sealed record CreateRaw(RawObject Object) : Change
{
    public override Change Inverse => new DropRaw(Object);

    public override string Subject => $"{Object.Kind} {Object.Name}";

    public override ChangeEffect Effect => ChangeEffect.Created;
}

internal sealed record DropRaw(RawObject Object) : Change
{
    public override Change Inverse => new CreateRaw(Object);

    public override string Subject => $"{Object.Kind} {Object.Name}";

    public override ChangeEffect Effect => ChangeEffect.Dropped;
}

/// <summary>
/// A statement that changes rows (an UPDATE, INSERT, DELETE, a DO block, an ALTER ... USING that rewrites values...),
/// carried over as it was written. <see cref="Loses"/> says what it overwrites or deletes that Down cannot give back;
/// <see cref="SchemaChanges"/> what it did to the schema besides, which Down undoes. Its inverse is
/// <see cref="DataNotUndone"/>.
/// </summary>
internal sealed record DataStatement(string Sql, string? Overwrites, IReadOnlyList<Change> SchemaChanges) : Change
{
    public override Change Inverse => new DataNotUndone(this);

    public override string? Loses => Overwrites;

    public override string Subject => "data";

    public override ChangeEffect Effect => ChangeEffect.Changed;
}

/// <summary>Where Down undoes a data statement of Up: its schema changes are undone, its rows are not, and it says so.</summary>
internal sealed record DataNotUndone(DataStatement Statement) : Change
{
    public override Change Inverse => Statement;

    public override string Subject => "data";

    public override ChangeEffect Effect => ChangeEffect.Changed;
}

/// <summary>
/// A migration's SQL carried over as written, when its steps could not be written so that they prove (a type renamed
/// in the middle of a change, as Prisma's enum changes do). <see cref="Does"/> is what it does to the schema, which
/// Down undoes, step by step.
/// </summary>
internal sealed record CarriedSql(string Sql, IReadOnlyList<Change> Does, string? Overwrites) : Change
{
    public override Change Inverse => new UndoCarriedSql(this);

    public override string? Loses => Joined(Does.Select(c => c.Loses).Append(Overwrites));

    public override string Subject => "sql";

    public override ChangeEffect Effect => ChangeEffect.Changed;

    internal static string? Joined(IEnumerable<string?> losses)
        => losses.OfType<string>().Distinct().ToList() is { Count: > 0 } all ? string.Join("; ", all) : null;
}

/// <summary>The Down of <see cref="CarriedSql"/>: the inverse of each of its steps, the last first.</summary>
internal sealed record UndoCarriedSql(CarriedSql Carried) : Change
{
    public IReadOnlyList<Change> Steps => SchemaDiffer.DropTablesWithTheirForeignKeys(Carried.Does.Reverse().Select(c => c.Inverse).ToList());

    public override Change Inverse => Carried;

    public override string? Loses => CarriedSql.Joined(Steps.Select(c => c.Loses));

    public override string Subject => "sql";

    public override ChangeEffect Effect => ChangeEffect.Changed;
}

using System.Text;
using Nexgent.Schema.Postgres;
using Nexgent.Schema.Runner.Authoring;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>What a generated migration is: its version, name, namespace, Up's steps, and what the class says about itself.</summary>
internal sealed record GeneratedMigration(long Version, MigrationName Name, string Namespace, IReadOnlyList<Change> Up, IReadOnlySet<string> Enums)
{
    /// <summary>Down: the inverse of each step of Up, the last first, foreign keys going with their tables.</summary>
    public IReadOnlyList<Change> Down => SchemaDiffer.DropTablesWithTheirForeignKeys(Up.Reverse().Select(c => c.Inverse).ToList());

    /// <summary>A sentence for the class's remarks: where it came from. Null for none.</summary>
    public string? Origin { get; init; }
}

/// <summary>
/// Writes a generated migration as a C# class shaped like Nexgent's own: the fluent API and the building blocks of
/// <c>Nexgent.Schema.Postgres</c>, names as the database has them, <c>[LosesData]</c> for each direction that destroys
/// data. What the fluent API has no words for is <c>Execute.Sql</c> with the SQL PostgreSQL prints, under a comment
/// that starts with <see cref="Review"/>.
/// </summary>
internal static class MigrationWriter
{
    /// <summary>The marker of every line a person should read before trusting the class.</summary>
    public const string Review = "// REVIEW:";

    public static string Write(GeneratedMigration migration)
    {
        var up = Body(migration.Up, migration.Enums);
        var down = Body(migration.Down, migration.Enums);
        var source = new StringBuilder();
        if (up.Contains("Rule.", StringComparison.Ordinal) || down.Contains("Rule.", StringComparison.Ordinal))
        {
            source.Append("using System.Data;\n");
        }

        source.Append("using FluentMigrator;\nusing Nexgent.Schema.Postgres;\n\n");
        source.Append($"namespace {migration.Namespace};\n\n");
        if (migration.Origin is { } origin)
        {
            source.Append($"/// <remarks>{Xml(origin)}</remarks>\n");
        }

        source.Append($"[Migration({migration.Version}, {CSharp.String(migration.Name.Description)})]\n");
        foreach (var (direction, changes) in new[] { ("Up", migration.Up), ("Down", migration.Down) })
        {
            if (LossSentence(changes) is { } loses)
            {
                source.Append($"[LosesData(MigrationDirection.{direction}, {CSharp.String(loses)})]\n");
            }
        }

        source.Append($"public sealed class {migration.Name.ClassName} : Migration\n{{\n");
        source.Append("    public override void Up()\n    {\n").Append(CSharp.Indented(up, "        ").TrimEnd('\n')).Append("\n    }\n\n");
        source.Append("    public override void Down()\n    {\n").Append(CSharp.Indented(down, "        ").TrimEnd('\n')).Append("\n    }\n}\n");
        return source.ToString().Replace("    {\n\n    }", "    {\n    }", StringComparison.Ordinal);
    }

    /// <summary>What a direction destroys, one sentence; null when nothing.</summary>
    public static string? LossSentence(IReadOnlyList<Change> changes)
    {
        var dropsByTable = changes.OfType<DropColumn>().GroupBy(d => d.Table).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => $"{g.Key} loses {Listed(g.Select(d => d.Column.Name).ToList())}");
        var losses = changes.Select(c => c is DropColumn drop && dropsByTable.TryGetValue(drop.Table, out var together) ? together : c.Loses)
            .OfType<string>().Distinct().ToList();
        return losses.Count == 0 ? null : string.Join("; ", losses) + ".";
    }

    private static string Listed(IReadOnlyList<string> names) => names.Count == 1 ? names[0] : $"{string.Join(", ", names.SkipLast(1))} and {names[^1]}";

    /// <summary>The statements of a body, a blank line between steps of different kinds and around those on several lines.</summary>
    private static string Body(IReadOnlyList<Change> changes, IReadOnlySet<string> enums)
    {
        var body = new StringBuilder();
        Type? previous = null;
        var previousMultiline = false;
        foreach (var group in Groups(changes))
        {
            var code = Statement(group, enums);
            var multiline = code.Contains('\n');
            if (previous is not null && (previous != group[0].GetType() || multiline || previousMultiline))
            {
                body.Append('\n');
            }

            body.Append(code).Append('\n');
            previous = group[0].GetType();
            previousMultiline = multiline;
        }

        return body.ToString();
    }

    /// <summary>Steps written as one statement: columns added to, or dropped from, one table, or numerics widened alike.</summary>
    private static IEnumerable<List<Change>> Groups(IReadOnlyList<Change> changes)
    {
        var group = new List<Change>();
        foreach (var change in changes)
        {
            if (group.Count > 0 && !Joins(group[^1], change))
            {
                yield return group;
                group = [];
            }

            group.Add(change);
        }

        if (group.Count > 0)
        {
            yield return group;
        }
    }

    private static bool Joins(Change previous, Change next) => (previous, next) switch
    {
        (AddColumn a, AddColumn b) => a.Table == b.Table,
        (DropColumn a, DropColumn b) => a.Table == b.Table,
        (AlterColumn a, AlterColumn b) => a.Table == b.Table && NumericChange(a) is { } x && NumericChange(b) is { } y && x == y,
        _ => false,
    };

    private static string Statement(List<Change> group, IReadOnlySet<string> enums) => group[0] switch
    {
        AddColumn { Table: var table } when group.Count > 1 => NotNullWithoutDefault(group.Cast<AddColumn>()) + $"Alter.Table({CSharp.String(table)})\n"
            + string.Join("\n", group.Cast<AddColumn>().Select(a => $"    .AddColumn({CSharp.String(a.Column.Name)}){ColumnSyntax.Of(a.Column, enums)}")) + ";",
        DropColumn { Table: var table } when group.Count > 1 => "Delete" + string.Join(group.Count > 2 ? "\n    " : "", group.Cast<DropColumn>().Select(d => $".Column({CSharp.String(d.Column.Name)})"))
            + (group.Count > 2 ? "\n    " : "") + $".FromTable({CSharp.String(table)});",
        AlterColumn alter when NumericChange(alter) is { } numeric => $"Execute.{numeric.Method}({CSharp.String(alter.Table)}, {numeric.Precision}, {numeric.Scale}, "
            + CSharp.Strings(group.Cast<AlterColumn>().Select(a => a.To.Name)) + ");",
        var change => Statement(change, enums),
    };

    private static string Statement(Change change, IReadOnlySet<string> enums) => change switch
    {
        CreateTable create => CreateTableStatement(create.Table, enums),
        DropTable drop => $"Delete.Table({CSharp.String(drop.Table.Name)});",
        RenameTable rename => $"Rename.Table({CSharp.String(rename.From)}).To({CSharp.String(rename.To)});",
        AddColumn add => NotNullWithoutDefault([add]) + $"Alter.Table({CSharp.String(add.Table)}).AddColumn({CSharp.String(add.Column.Name)}){ColumnSyntax.Of(add.Column, enums)};",
        DropColumn drop => $"Delete.Column({CSharp.String(drop.Column.Name)}).FromTable({CSharp.String(drop.Table)});",
        RenameColumn rename => $"Rename.Column({CSharp.String(rename.From)}).OnTable({CSharp.String(rename.Table)}).To({CSharp.String(rename.To)});",
        AlterColumn alter => AlterColumnStatement(alter, enums),
        AddPrimaryKey key => $"Create.PrimaryKey({CSharp.String(key.Key.Name)}).OnTable({CSharp.String(key.Table)}).Columns({CSharp.Strings(key.Key.Columns)});",
        DropPrimaryKey key => $"Delete.PrimaryKey({CSharp.String(key.Key.Name)}).FromTable({CSharp.String(key.Table)});",
        CreateIndex index => CreateIndexStatement(index.Table, index.Index),
        DropIndex index => DropIndexStatement(index.Table, index.Index),
        AddForeignKey key => CreateForeignKeyStatement(key.Table, key.Key),
        DropForeignKey key => IsPrismaForeignKey(key.Table, key.Key)
            ? $"Delete.ForeignKeyOn({CSharp.String(key.Table)}, {CSharp.String(key.Key.Columns[0])});"
            : $"Delete.ForeignKey({CSharp.String(key.Key.Name)}).OnTable({CSharp.String(key.Table)});",
        AddConstraint constraint when IsPlainUnique(constraint.Constraint) => $"Create.UniqueConstraint({CSharp.String(constraint.Constraint.Name)}).OnTable({CSharp.String(constraint.Table)}).Columns({CSharp.Strings(constraint.Constraint.Columns)});",
        AddConstraint constraint => Raw("the fluent API has no check or exclusion constraint", $"ALTER TABLE {Q(constraint.Table)} ADD CONSTRAINT {Q(constraint.Constraint.Name)} {constraint.Constraint.Definition};"),
        DropConstraint constraint when IsPlainUnique(constraint.Constraint) => $"Delete.UniqueConstraint({CSharp.String(constraint.Constraint.Name)}).FromTable({CSharp.String(constraint.Table)});",
        DropConstraint constraint => Raw("the fluent API has no check or exclusion constraint", $"ALTER TABLE {Q(constraint.Table)} DROP CONSTRAINT {Q(constraint.Constraint.Name)};"),
        CreateEnum type => $"Execute.CreateEnumType({CSharp.String(type.Enum.Name)}, {CSharp.Strings(type.Enum.Labels)});",
        DropEnum type => $"Execute.DropEnumType({CSharp.String(type.Enum.Name)});",
        AddEnumLabel label => Raw("the fluent API cannot add a value to an enum; a value added in a transaction can only be used after it commits",
            $"ALTER TYPE {Q(label.To.Name)} ADD VALUE {Literal(label.Label)}{(label.Before is { } before ? $" BEFORE {Literal(before)}" : "")};"),
        RecreateEnum recreate => Raw(
            $"PostgreSQL cannot drop or reorder an enum's values: the type is made again and its columns converted through text{(recreate.Loses is null ? "" : ", which fails on a row holding a value that is gone")}",
            RecreateEnumSql(recreate)),
        CreateSequence sequence => CreateSequenceStatement(sequence.Sequence),
        DropSequence sequence => Raw("FluentMigrator writes no SQL for Delete.Sequence on PostgreSQL", $"DROP SEQUENCE {Q(sequence.Sequence.Name)};"),
        OwnSequence own => Raw("the fluent API cannot make a column own a sequence", $"ALTER SEQUENCE {Q(own.Sequence)} OWNED BY {(own.Owner is { } owner ? QualifiedColumn(owner) : "NONE")};"),
        CreateRaw raw => Raw($"the fluent API has no {raw.Object.Kind}: its definition as PostgreSQL prints it", raw.Object.Create),
        DropRaw raw => Raw($"the fluent API has no {raw.Object.Kind}", raw.Object.Drop),
        DataStatement data => Raw($"a statement that changes rows, carried over as written{(data.Overwrites is null ? "" : "; Down cannot restore what it changes")}: check it is still right", data.Sql),
        CarriedSql carried => Raw("Prisma's SQL as written: its steps could not be written in the fluent API so that they prove; what it does to the schema is undone step by step in Down", carried.Sql),
        UndoCarriedSql undo => $"{Review} the steps that undo Up's SQL, from what it did to the schema; rows it changed are not restored.\n"
            + string.Join("\n", undo.Steps.Select(c => Statement(c, enums))),
        DataNotUndone undone => string.Join("\n", new[] { $"{Review} Up ran a statement that changes rows here, and Down does not undo it{(undone.Statement.SchemaChanges.Count > 0 ? " (only what it did to the schema)" : "")}:\n//   {Excerpt(undone.Statement.Sql)}" }
            .Concat(undone.Statement.SchemaChanges.Reverse().Select(c => Statement(c.Inverse, enums)))),
        _ => throw new InvalidOperationException($"No C# for {change.GetType().Name}."),
    };

    private static string CreateTableStatement(TableModel table, IReadOnlySet<string> enums)
    {
        var key = table.PrimaryKey;
        var inlineKey = key is not null && key.Columns.SequenceEqual(table.Columns.Where(c => key.Columns.Contains(c.Name)).Select(c => c.Name));
        var keyName = key is null ? "" : key.Name == $"{table.Name}_pkey" ? $"PrismaNames.PrimaryKey({CSharp.String(table.Name)})" : CSharp.String(key.Name);
        var lines = new List<string> { $"Create.Table({CSharp.String(table.Name)})" };
        lines.AddRange(table.Columns.Select(c => $"    .WithColumn({CSharp.String(c.Name)}){ColumnSyntax.Of(c, enums)}"
            + (inlineKey && key!.Columns.Contains(c.Name) ? $".PrimaryKey({keyName})" : "")));
        var statements = new List<string> { string.Join("\n", lines) + ";" };
        if (key is not null && !inlineKey)
        {
            statements.Add(Statement(new AddPrimaryKey(table.Name, key), enums));
        }

        statements.AddRange(table.Indexes.Select(i => CreateIndexStatement(table.Name, i)));
        statements.AddRange(table.Constraints.Select(c => Statement(new AddConstraint(table.Name, c), enums)));
        statements.AddRange(table.ForeignKeys.Select(k => CreateForeignKeyStatement(table.Name, k)));
        return string.Join("\n", statements);
    }

    private static string AlterColumnStatement(AlterColumn alter, IReadOnlySet<string> enums)
    {
        var (from, to, table) = (alter.From, alter.To, alter.Table);
        if (from.Serial != to.Serial || from.Identity != to.Identity || from.Generated != to.Generated || to.Serial || to.Identity != "" || to.Generated is not null)
        {
            return Raw("the fluent API cannot change a serial, identity or generated column", AlterColumnSql(table, from, to));
        }

        var statements = new List<string>();
        var retyped = from.Type != to.Type;
        if (retyped && !Safety.ColumnType.KeepsEveryValue(from.Type, to.Type) && !SameBaseType(from.Type, to.Type))
        {
            statements.Add(Raw("a type PostgreSQL may not convert by itself: the values are cast, check the cast keeps them",
                $"ALTER TABLE {Q(table)} ALTER COLUMN {Q(to.Name)} TYPE {to.Type} USING {Q(to.Name)}::{to.Type};"));
            retyped = false;
        }

        if (retyped || from.NotNull != to.NotNull || (from.Default != to.Default && to.Default is not null))
        {
            var nullability = to.NotNull ? ".NotNullable()" : ".Nullable()";
            var defaultValue = from.Default != to.Default ? ColumnSyntax.Default(to.Default) : "";
            statements.Add($"Alter.Column({CSharp.String(to.Name)}).OnTable({CSharp.String(table)}){ColumnSyntax.TypeOnly(to.Type, enums)}{nullability}{defaultValue};");
        }

        if (from.Default is not null && to.Default is null)
        {
            statements.Add($"Delete.DefaultConstraint().OnTable({CSharp.String(table)}).OnColumn({CSharp.String(to.Name)});");
        }

        return string.Join("\n", statements);
    }

    private static string AlterColumnSql(string table, ColumnModel from, ColumnModel to)
    {
        var alter = $"ALTER TABLE {Q(table)} ALTER COLUMN {Q(to.Name)}";
        var sql = new List<string>();
        if (from.Identity != "" && to.Identity == "")
        {
            sql.Add($"{alter} DROP IDENTITY;");
        }

        if (from.Generated is not null && to.Generated is null)
        {
            sql.Add($"{alter} DROP EXPRESSION;");
        }

        if (from.Type != to.Type)
        {
            sql.Add($"{alter} TYPE {to.Type};");
        }

        if (from.NotNull != to.NotNull)
        {
            sql.Add($"{alter} {(to.NotNull ? "SET" : "DROP")} NOT NULL;");
        }

        var (wasDefault, isDefault) = (from.Serial ? $"nextval('{SchemaReader.SerialSequence(table, from.Name)}'::regclass)" : from.Default,
                                       to.Serial ? $"nextval('{SchemaReader.SerialSequence(table, to.Name)}'::regclass)" : to.Default);
        if (wasDefault != isDefault)
        {
            sql.Add(isDefault is null ? $"{alter} DROP DEFAULT;" : $"{alter} SET DEFAULT {isDefault};");
        }

        if (to.Identity != "" && from.Identity == "")
        {
            sql.Add($"{alter} ADD GENERATED {(to.Identity == "a" ? "ALWAYS" : "BY DEFAULT")} AS IDENTITY;");
        }

        return string.Join("\n", sql);
    }

    private static bool SameBaseType(string a, string b) => Safety.ColumnType.Parse(a) is var x && Safety.ColumnType.Parse(b) is var y && x.Name == y.Name && x.IsArray == y.IsArray;

    private static (string Method, int Precision, int Scale)? NumericChange(AlterColumn alter)
    {
        if (alter.From.NotNull != alter.To.NotNull || alter.From.Default != alter.To.Default || alter.From.Serial || alter.To.Serial)
        {
            return null;
        }

        var (from, to) = (Safety.ColumnType.Parse(alter.From.Type), Safety.ColumnType.Parse(alter.To.Type));
        if (from.Name != "numeric" || to.Name != "numeric" || from.IsArray || to.IsArray || from.Modifiers.Count != 2 || to.Modifiers.Count != 2)
        {
            return null;
        }

        return (Safety.ColumnType.KeepsEveryValue(alter.From.Type, alter.To.Type) ? "WidenNumeric" : "NarrowNumeric", to.Modifiers[0], to.Modifiers[1]);
    }

    private static string CreateIndexStatement(string table, IndexModel index)
    {
        if (!index.IsPlain)
        {
            return Raw("the fluent API cannot write this index (its method, expressions, order, predicate or included columns)", index.Definition + ";");
        }

        var columns = CSharp.Strings(index.Columns);
        var method = index.Unique ? "UniqueIndex" : "Index";
        return IsPrismaIndexName(table, index)
            ? $"Create.{method}On({CSharp.String(table)}, {columns});"
            : $"Create.{method}Named({CSharp.String(index.Name)}, {CSharp.String(table)}, {columns});";
    }

    private static string DropIndexStatement(string table, IndexModel index)
        => index.IsPlain && IsPrismaIndexName(table, index)
            ? $"Delete.{(index.Unique ? "UniqueIndex" : "Index")}On({CSharp.String(table)}, {CSharp.Strings(index.Columns)});"
            : $"Delete.Index({CSharp.String(index.Name)}).OnTable({CSharp.String(table)});";

    private static bool IsPrismaIndexName(string table, IndexModel index)
    {
        var name = $"{table}_{string.Join('_', index.Columns)}_{(index.Unique ? "key" : "idx")}";
        return name.Length <= PrismaNames.MaxIdentifierLength && name == index.Name;
    }

    private static bool IsPrismaForeignKey(string table, ForeignKeyModel key)
        => key.Columns.Count == 1 && key.ReferencedColumns.Count == 1 && key.Name == $"{table}_{key.Columns[0]}_fkey" && key.Name.Length <= PrismaNames.MaxIdentifierLength;

    private static string CreateForeignKeyStatement(string table, ForeignKeyModel key)
    {
        if (!key.IsPlain)
        {
            return Raw("the fluent API cannot write this foreign key (RESTRICT, MATCH FULL or DEFERRABLE)", $"ALTER TABLE {Q(table)} ADD CONSTRAINT {Q(key.Name)} {key.Definition};");
        }

        if (IsPrismaForeignKey(table, key) && key.OnUpdate == 'c')
        {
            var arguments = new List<string> { CSharp.String(table), CSharp.String(key.Columns[0]), CSharp.String(key.ReferencedTable) };
            if (key.ReferencedColumns[0] != "id")
            {
                arguments.Add(CSharp.String(key.ReferencedColumns[0]));
            }

            if (key.OnDelete != 'c')
            {
                arguments.Add($"onDelete: {Rule(key.OnDelete)}");
            }

            return $"Create.ForeignKeyOn({string.Join(", ", arguments)});";
        }

        return $"Create.ForeignKey({CSharp.String(key.Name)})\n"
               + $"    .FromTable({CSharp.String(table)}).ForeignColumns({CSharp.Strings(key.Columns)})\n"
               + $"    .ToTable({CSharp.String(key.ReferencedTable)}).PrimaryColumns({CSharp.Strings(key.ReferencedColumns)})\n"
               + $"    .OnDelete({Rule(key.OnDelete)}).OnUpdate({Rule(key.OnUpdate)});";
    }

    private static string Rule(char action) => action switch
    {
        'c' => "Rule.Cascade",
        'n' => "Rule.SetNull",
        'd' => "Rule.SetDefault",
        _ => "Rule.None",
    };

    /// <summary>FluentMigrator's <c>Create.Sequence</c> writes nothing for PostgreSQL (its generator leaves it out), so a sequence is SQL.</summary>
    private static string CreateSequenceStatement(SequenceModel s)
        => Raw("FluentMigrator writes no SQL for Create.Sequence on PostgreSQL",
            $"CREATE SEQUENCE {Q(s.Name)}{(s.DataType == "bigint" ? "" : $" AS {s.DataType}")} INCREMENT BY {s.Increment} MINVALUE {s.Min} MAXVALUE {s.Max} START WITH {s.Start} CACHE {s.Cache}{(s.Cycle ? " CYCLE" : "")};");

    private static string RecreateEnumSql(RecreateEnum recreate)
    {
        var name = recreate.To.Name;
        var old = Identifier.Truncated(name + "_old", Identifier.MaxBytes);
        var sql = new List<string>
        {
            $"ALTER TYPE {Q(name)} RENAME TO {Q(old)};",
            $"CREATE TYPE {Q(name)} AS ENUM ({string.Join(", ", recreate.To.Labels.Select(Literal))});",
        };
        foreach (var use in recreate.Uses)
        {
            var alter = $"ALTER TABLE {Q(use.Table)} ALTER COLUMN {Q(use.Column)}";
            var array = use.Type.EndsWith("[]", StringComparison.Ordinal) ? "[]" : "";
            if (use.Default is not null)
            {
                sql.Add($"{alter} DROP DEFAULT;");
            }

            sql.Add($"{alter} TYPE {Q(name)}{array} USING ({Q(use.Column)}::text{array}::{Q(name)}{array});");
            if (use.Default is not null)
            {
                sql.Add($"{alter} SET DEFAULT {use.Default};");
            }
        }

        sql.Add($"DROP TYPE {Q(old)};");
        return string.Join("\n", sql);
    }

    /// <summary>A REVIEW line above columns added NOT NULL with nothing to fill the rows a table holds.</summary>
    private static string NotNullWithoutDefault(IEnumerable<AddColumn> added)
    {
        var names = added.Where(a => a.Column is { NotNull: true, Default: null, Serial: false, Identity: "", Generated: null }).Select(a => a.Column.Name).ToList();
        return names.Count == 0 ? "" : $"{Review} {Listed(names)} {(names.Count == 1 ? "is" : "are")} NOT NULL without a default, which fails on a table that holds rows: give a default, or add nullable, fill, then make NOT NULL.\n";
    }

    private static bool IsPlainUnique(ConstraintModel constraint)
        => constraint.Kind == 'u' && constraint.Definition == $"UNIQUE ({string.Join(", ", constraint.Columns.Select(QuoteIdent))})";

    /// <summary><c>Execute.Sql</c> under a REVIEW comment saying why it is SQL.</summary>
    private static string Raw(string why, string sql) => $"{Review} {why}.\nExecute.Sql({CSharp.String(sql)});";

    private static string Q(string name) => Identifier.Quote(name);

    private static string QualifiedColumn(string tableDotColumn)
    {
        var dot = tableDotColumn.LastIndexOf('.');
        return $"{Q(tableDotColumn[..dot])}.{Q(tableDotColumn[(dot + 1)..])}";
    }

    private static string Literal(string value) => Scripting.Psql.Literal(value);

    /// <summary>A name as PostgreSQL's quote_ident prints it, for the plain words; anything else quoted.</summary>
    private static string QuoteIdent(string name) => System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z_][a-z0-9_$]*$") ? name : Q(name);

    public static string Excerpt(string sql)
    {
        var flat = System.Text.RegularExpressions.Regex.Replace(sql, @"\s+", " ").Trim();
        return flat.Length <= 100 ? flat : flat[..97] + "...";
    }

    private static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}

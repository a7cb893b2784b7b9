namespace Nexgent.Schema.Runner.Generation;

/// <summary>
/// The steps that turn one schema into another, in an order PostgreSQL accepts: renames first; then what goes away,
/// dependants before what they depend on (foreign keys, constraints, indexes, columns, tables); then what comes, types
/// before the tables that use them, tables before the foreign keys between them, views and triggers last. Down is the
/// inverse of each step, in reverse order.
/// </summary>
internal static class SchemaDiffer
{
    public static IReadOnlyList<Change> Diff(SchemaModel before, SchemaModel after, Renames? renames = null)
    {
        renames ??= Renames.None;
        var changes = new List<Change>();
        var renamed = ApplyRenames(before, after, renames, changes);

        var kept = after.Tables.Where(t => renamed.Table(t.Name) is not null).Select(t => (Old: renamed.Table(t.Name)!, New: t)).ToList();
        var droppedTables = renamed.Tables.Where(t => after.Table(t.Name) is null).ToList();
        var createdTables = after.Tables.Where(t => renamed.Table(t.Name) is null).ToList();
        var droppedRaw = renamed.RawObjects.Where(o => !after.RawObjects.Any(a => SameRaw(a, o))).ToList();
        var createdRaw = after.RawObjects.Where(o => !renamed.RawObjects.Any(b => SameRaw(b, o))).ToList();

        changes.AddRange(droppedRaw.Where(o => o.Rank >= 1).OrderByDescending(o => o.Rank).Select(o => new DropRaw(o)));
        changes.AddRange(renamed.Tables.SelectMany(t => t.ForeignKeys.Where(k => after.Table(t.Name)?.ForeignKeys.Any(a => SameForeignKey(a, k)) != true)
            .Select(k => new DropForeignKey(t.Name, k))));
        foreach (var (old, now) in kept)
        {
            changes.AddRange(old.Constraints.Where(c => !now.Constraints.Any(n => SameConstraint(n, c))).Select(c => new DropConstraint(now.Name, c)));
            changes.AddRange(old.Indexes.Where(i => !now.Indexes.Any(n => SameIndex(n, i))).Select(i => new DropIndex(now.Name, i)));
            if (old.PrimaryKey is { } key && !SameKey(key, now.PrimaryKey))
            {
                changes.Add(new DropPrimaryKey(now.Name, key));
            }

            changes.AddRange(old.Columns.Where(c => now.Column(c.Name) is null).Select(c => new DropColumn(now.Name, c)));
        }

        changes.AddRange(droppedTables.Select(t => new DropTable(t)));

        changes.AddRange(createdRaw.Where(o => o.Rank < 1).OrderBy(o => o.Rank).Select(o => new CreateRaw(o)));
        changes.AddRange(after.Enums.Where(e => renamed.Enums.All(b => b.Name != e.Name)).Select(e => new CreateEnum(e)));
        foreach (var type in after.Enums)
        {
            if (renamed.Enums.FirstOrDefault(b => b.Name == type.Name) is { } old && !old.Labels.SequenceEqual(type.Labels))
            {
                changes.AddRange(EnumChanges(old, type, UsesOf(type.Name, kept.Select(k => k.Old with { Columns = k.Old.Columns.Where(c => k.New.Column(c.Name) is not null).ToList() }))));
            }
        }

        changes.AddRange(after.Sequences.Where(s => renamed.Sequences.All(b => b.Name != s.Name)).Select(s => new CreateSequence(s with { OwnedBy = null })));
        changes.AddRange(createdTables.Select(t => new CreateTable(t with { ForeignKeys = [] })));
        foreach (var (old, now) in kept)
        {
            changes.AddRange(now.Columns.Where(c => old.Column(c.Name) is null).Select(c => new AddColumn(now.Name, c)));
            changes.AddRange(now.Columns.Where(c => old.Column(c.Name) is { } was && was.Shape != c.Shape).Select(c => new AlterColumn(now.Name, old.Column(c.Name)!, c)));
        }

        changes.AddRange(renamed.Enums.Where(e => after.Enums.All(a => a.Name != e.Name)).Select(e => new DropEnum(e)));
        changes.AddRange(renamed.Sequences.Where(s => after.Sequences.All(a => a.Name != s.Name) && !OwnedByDropped(s, renamed, after)).Select(s => new DropSequence(s with { OwnedBy = null })));
        changes.AddRange(droppedRaw.Where(o => o.Rank < 1).OrderByDescending(o => o.Rank).Select(o => new DropRaw(o)));

        foreach (var (old, now) in kept)
        {
            if (now.PrimaryKey is { } key && !SameKey(key, old.PrimaryKey))
            {
                changes.Add(new AddPrimaryKey(now.Name, key));
            }

            changes.AddRange(now.Indexes.Where(i => !old.Indexes.Any(o => SameIndex(o, i))).Select(i => new CreateIndex(now.Name, i)));
            changes.AddRange(now.Constraints.Where(c => !old.Constraints.Any(o => SameConstraint(o, c))).Select(c => new AddConstraint(now.Name, c)));
        }

        changes.AddRange(after.Tables.SelectMany(t => t.ForeignKeys.Where(k => renamed.Table(t.Name)?.ForeignKeys.Any(b => SameForeignKey(b, k)) != true)
            .Select(k => new AddForeignKey(t.Name, k))));
        changes.AddRange(after.Sequences.Select(s => (s, Was: renamed.Sequences.FirstOrDefault(b => b.Name == s.Name)))
            .Where(p => p.s.OwnedBy != (p.Was?.OwnedBy))
            .Select(p => new OwnSequence(p.s.Name, p.s.OwnedBy, p.Was?.OwnedBy)));
        changes.AddRange(createdRaw.Where(o => o.Rank >= 1).OrderBy(o => o.Rank).Select(o => new CreateRaw(o)));
        return DropTablesWithTheirForeignKeys(changes);
    }

    /// <summary>
    /// A table and a column that disappeared while one just like it appeared: each could be a rename (or a drop and an
    /// add). <paramref name="renames"/> already confirmed are applied first; only the others are candidates.
    /// </summary>
    public static IReadOnlyList<RenameCandidate> RenameCandidates(SchemaModel before, SchemaModel after, Renames? renames = null)
    {
        var renamed = ApplyRenames(before, after, renames ?? Renames.None, []);
        var candidates = new List<RenameCandidate>();
        var gone = renamed.Tables.Where(t => after.Table(t.Name) is null).ToList();
        var come = after.Tables.Where(t => renamed.Table(t.Name) is null).ToList();
        foreach (var table in gone)
        {
            var alike = come.Where(t => ColumnsAlike(t, table)).ToList();
            if (alike.Count == 1)
            {
                candidates.Add(new RenameCandidate(table.Name, null, alike[0].Name));
            }
        }

        foreach (var now in after.Tables)
        {
            if (renamed.Table(now.Name) is not { } old)
            {
                continue;
            }

            var dropped = old.Columns.Where(c => now.Column(c.Name) is null).ToList();
            var added = now.Columns.Where(c => old.Column(c.Name) is null).ToList();
            foreach (var column in dropped)
            {
                var alike = added.Where(a => a.Shape == column.Shape).ToList();
                if (alike.Count == 1 && dropped.Count(d => d.Shape == column.Shape) == 1)
                {
                    candidates.Add(new RenameCandidate(now.Name, column.Name, alike[0].Name));
                }
            }
        }

        return candidates;
    }

    /// <summary>The schema before, with the confirmed renames made (and said as the first changes).</summary>
    private static SchemaModel ApplyRenames(SchemaModel before, SchemaModel after, Renames renames, List<Change> changes)
    {
        var tables = before.Tables.ToList();
        foreach (var (from, to) in renames.Tables)
        {
            if (before.Table(from) is null || after.Table(to) is null || before.Table(to) is not null)
            {
                throw new SchemaRunnerException($"Cannot rename table {from} to {to}: the migrations build {(before.Table(from) is null ? $"no table {from}" : $"a table {to} already")}{(after.Table(to) is null ? $" and the database has no table {to}" : "")}; check the renames asked for.");
            }

            changes.Add(new RenameTable(from, to));
            tables = tables.Select(t => Renamed(t, from, to)).ToList();
        }

        foreach (var ((table, from), to) in renames.Columns)
        {
            var index = tables.FindIndex(t => t.Name == table);
            if (index < 0 || tables[index].Column(from) is null || tables[index].Column(to) is not null || after.Table(table)?.Column(to) is null)
            {
                throw new SchemaRunnerException($"Cannot rename column {table}.{from} to {to}: it is not a column the migrations build that the database has under the new name; check the renames asked for.");
            }

            changes.Add(new RenameColumn(table, from, to));
            tables[index] = RenamedColumn(tables[index], from, to);
            tables = tables.Select(t => t with { ForeignKeys = t.ForeignKeys.Select(k => k.ReferencedTable == table ? k with { ReferencedColumns = Swap(k.ReferencedColumns, from, to) } : k).ToList() }).ToList();
        }

        return before with { Tables = tables };
    }

    private static TableModel Renamed(TableModel table, string from, string to)
    {
        var foreignKeys = table.ForeignKeys.Select(k => k.ReferencedTable == from ? k with { ReferencedTable = to } : k).ToList();
        return table.Name != from
            ? table with { ForeignKeys = foreignKeys }
            : table with
            {
                Name = to,
                ForeignKeys = foreignKeys,
                Indexes = table.Indexes.Select(i => i with { Definition = i.Definition.Replace($" ON {Identifier.Quote(from)} ", $" ON {Identifier.Quote(to)} ").Replace($" ON {from} ", $" ON {to} ") }).ToList(),
            };
    }

    private static TableModel RenamedColumn(TableModel table, string from, string to) => table with
    {
        Columns = table.Columns.Select(c => c.Name == from ? c with { Name = to } : c).ToList(),
        PrimaryKey = table.PrimaryKey is { } key ? key with { Columns = Swap(key.Columns, from, to) } : null,
        Indexes = table.Indexes.Select(i => i with { Columns = Swap(i.Columns, from, to) }).ToList(),
        ForeignKeys = table.ForeignKeys.Select(k => k with { Columns = Swap(k.Columns, from, to) }).ToList(),
        Constraints = table.Constraints.Select(c => c with { Columns = Swap(c.Columns, from, to) }).ToList(),
    };

    private static List<string> Swap(IReadOnlyList<string> names, string from, string to) => names.Select(n => n == from ? to : n).ToList();

    private static bool ColumnsAlike(TableModel a, TableModel b)
        => a.Columns.Select(c => (c.Name, c.Shape)).SequenceEqual(b.Columns.Select(c => (c.Name, c.Shape)));

    /// <summary>Labels only added keep the type (<c>ADD VALUE</c>); any other change makes it again.</summary>
    private static IEnumerable<Change> EnumChanges(EnumModel old, EnumModel now, IReadOnlyList<EnumUse> uses)
    {
        if (!old.Labels.All(now.Labels.Contains) || !now.Labels.Where(old.Labels.Contains).SequenceEqual(old.Labels))
        {
            yield return new RecreateEnum(old, now, uses);
            yield break;
        }

        var current = old;
        for (var i = 0; i < now.Labels.Count; i++)
        {
            var label = now.Labels[i];
            if (current.Labels.Contains(label))
            {
                continue;
            }

            var before = now.Labels.Skip(i + 1).FirstOrDefault(current.Labels.Contains);
            var next = new EnumModel(now.Name, now.Labels.Where(l => current.Labels.Contains(l) || l == label).ToList());
            yield return new AddEnumLabel(current, next, label, before, uses);
            current = next;
        }
    }

    /// <summary>The columns of <paramref name="tables"/> whose type is the enum, or an array of it.</summary>
    private static IReadOnlyList<EnumUse> UsesOf(string type, IEnumerable<TableModel> tables)
        => tables.SelectMany(t => t.Columns.Where(c => IsOfType(c.Type, type)).Select(c => new EnumUse(t.Name, c.Name, c.Type, c.Default))).ToList();

    internal static bool IsOfType(string columnType, string type)
    {
        var bare = columnType.EndsWith("[]", StringComparison.Ordinal) ? columnType[..^2] : columnType;
        return bare == type || bare == Identifier.Quote(type);
    }

    private static bool OwnedByDropped(SequenceModel sequence, SchemaModel before, SchemaModel after)
        => sequence.OwnedBy is { } owner && before.Tables.Any(t => owner.StartsWith(t.Name + ".", StringComparison.Ordinal) && (after.Table(t.Name) is not { } now || now.Column(owner[(t.Name.Length + 1)..]) is null));

    /// <summary>
    /// When the tables a list of steps drops can go children first (no cycle of foreign keys between them), they do,
    /// and a foreign key of one of them goes with its table rather than on its own, as a person writes it (the table's
    /// inverse then makes its foreign keys with it); otherwise each foreign key is dropped on its own, and the table
    /// is made again without them.
    /// </summary>
    internal static List<Change> DropTablesWithTheirForeignKeys(IReadOnlyList<Change> changes)
    {
        var foreignKeys = changes.OfType<DropForeignKey>().ToList();
        var drops = changes.OfType<DropTable>().ToList();
        var references = foreignKeys.Select(k => (k.Table, k.Key.ReferencedTable)).ToHashSet();
        var ordered = ChildrenFirst(drops, references);
        if (ordered is null)
        {
            return changes.Select(c => c is DropTable d ? new DropTable(d.Table with { ForeignKeys = [] }) : c).ToList();
        }

        var dropped = drops.Select(d => d.Table.Name).ToHashSet();
        var ownKeys = foreignKeys.Where(k => dropped.Contains(k.Table)).ToList();
        var next = ordered.Select(d => new DropTable(d.Table with { ForeignKeys = ownKeys.Where(k => k.Table == d.Table.Name).Select(k => k.Key).ToList() })).GetEnumerator();
        return changes.Except(ownKeys).Select(c => c is DropTable && next.MoveNext() ? next.Current : c).ToList();
    }

    /// <summary>The drops, each table before those it references; null when they reference each other in a cycle.</summary>
    private static List<DropTable>? ChildrenFirst(List<DropTable> drops, HashSet<(string Table, string Referenced)> references)
    {
        var left = drops.ToList();
        var ordered = new List<DropTable>();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(t => !left.Any(o => o != t && references.Contains((o.Table.Name, t.Table.Name))));
            if (next is null)
            {
                return null;
            }

            ordered.Add(next);
            left.Remove(next);
        }

        return ordered;
    }

    private static bool SameKey(KeyModel a, KeyModel? b) => b is not null && a.Name == b.Name && a.Columns.SequenceEqual(b.Columns);

    private static bool SameIndex(IndexModel a, IndexModel b)
        => a.Name == b.Name && a.Unique == b.Unique && a.IsPlain == b.IsPlain && (a.IsPlain ? a.Columns.SequenceEqual(b.Columns) : a.Definition == b.Definition);

    private static bool SameForeignKey(ForeignKeyModel a, ForeignKeyModel b)
        => a.Name == b.Name && a.Columns.SequenceEqual(b.Columns) && a.ReferencedTable == b.ReferencedTable && a.ReferencedColumns.SequenceEqual(b.ReferencedColumns)
           && a.OnDelete == b.OnDelete && a.OnUpdate == b.OnUpdate && a.IsPlain == b.IsPlain && (a.IsPlain || a.Definition == b.Definition);

    private static bool SameConstraint(ConstraintModel a, ConstraintModel b) => a.Name == b.Name && a.Kind == b.Kind && a.Definition == b.Definition;

    private static bool SameRaw(RawObject a, RawObject b) => a.Kind == b.Kind && a.Name == b.Name && a.Create == b.Create;
}

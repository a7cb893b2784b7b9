using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// The schema as the migrations read so far build it, as far as lint needs it: each table's columns with their types
/// and foreign keys, which table each index belongs to, and the CHECK (column IS NOT NULL) constraints validated. What no migration
/// built (a table made by hand) is asked of the database, when lint has one (<see cref="ILintDatabase"/>).
/// </summary>
internal sealed class LintCatalog(ILintDatabase? database = null)
{
    private readonly Dictionary<QualifiedName, KnownTable> tables = [];
    private readonly Dictionary<QualifiedName, QualifiedName> indexes = [];

    /// <summary>CHECK (column IS NOT NULL) constraints, by table and name, with their column and whether they are validated.</summary>
    private readonly Dictionary<(QualifiedName Table, string Name), (string Column, bool Validated)> notNullChecks = [];

    /// <summary>The type of a column, as its table or ADD COLUMN wrote it or the database says; null when unknown.</summary>
    public string? TypeOf(QualifiedName table, string column)
    {
        if (tables.TryGetValue(table, out var known))
        {
            if (known.Columns.TryGetValue(column, out var type))
            {
                return type;
            }

            if (known.Complete || known.Gone.Contains(column))
            {
                return null;
            }
        }

        return database?.ColumnType(table, column);
    }

    /// <summary>The table an index is on; null when unknown.</summary>
    public QualifiedName? TableOf(QualifiedName index)
        => indexes.TryGetValue(index, out var table) ? table : database?.IndexTable(index);

    /// <summary>
    /// The foreign keys of a table, by name, with the table each references: dropping one, or the table, locks that
    /// table too. For a table no migration created, the database's, and those added since.
    /// </summary>
    public IReadOnlyDictionary<string, QualifiedName> ForeignKeysOf(QualifiedName table)
    {
        tables.TryGetValue(table, out var known);
        if (known is { Complete: true } || database is null)
        {
            return known?.ForeignKeys ?? [];
        }

        var keys = database.ForeignKeys(table).Where(k => known is null || !known.DroppedConstraints.Contains(k.Key)).ToDictionary();
        foreach (var (name, referenced) in known?.ForeignKeys ?? [])
        {
            keys[name] = referenced;
        }

        return keys;
    }

    /// <summary>Whether a validated CHECK (column IS NOT NULL) lets SET NOT NULL skip its scan (PostgreSQL 12+).</summary>
    public bool ProvesNotNull(QualifiedName table, string column)
        => notNullChecks.Any(c => c.Key.Table == table && c.Value.Column == column && c.Value.Validated);

    /// <summary>Whether <paramref name="name"/> is a CHECK (column IS NOT NULL) on <paramref name="table"/>.</summary>
    public bool IsNotNullCheck(QualifiedName table, string name) => notNullChecks.ContainsKey((table, name));

    public void Apply(StatementAct act)
    {
        switch (act)
        {
            case TableCreated created:
                tables[created.Created] = new KnownTable(Complete: true);
                foreach (var column in created.Columns)
                {
                    tables[created.Created].Columns[column.Name] = column.Type;
                }

                foreach (var key in created.ForeignKeys)
                {
                    tables[created.Created].ForeignKeys[key.Name] = key.References;
                }

                break;
            case TablesDropped dropped:
                foreach (var gone in dropped.Tables)
                {
                    Forget(gone);
                }

                break;
            case TableRenamed renamed:
                tables[renamed.NewName] = tables.Remove(renamed.Altered, out var renamedTable) ? renamedTable : new KnownTable(Complete: false);
                foreach (var (index, _) in indexes.Where(i => i.Value == renamed.Altered).ToList())
                {
                    indexes[index] = renamed.NewName;
                }

                foreach (var keys in tables.Values.Select(t => t.ForeignKeys))
                {
                    foreach (var (name, _) in keys.Where(k => k.Value == renamed.Altered).ToList())
                    {
                        keys[name] = renamed.NewName;
                    }
                }

                break;
            case ColumnAdded added:
                Table(added.Altered).Columns[added.Column.Name] = added.Column.Type;
                Table(added.Altered).Gone.Remove(added.Column.Name);
                if (added.Column.References is { } references)
                {
                    Table(added.Altered).ForeignKeys[$"{added.Altered.Name}_{added.Column.Name}_fkey"] = references;
                }

                break;
            case ConstraintAdded { Kind: ConstraintKind.ForeignKey, Name: { } key, References: { } referenced } foreignKey:
                Table(foreignKey.Altered).ForeignKeys[key] = referenced;
                Table(foreignKey.Altered).DroppedConstraints.Remove(key);
                break;
            case ColumnDropped dropped:
                Table(dropped.Altered).Columns.Remove(dropped.Column);
                Table(dropped.Altered).Gone.Add(dropped.Column);
                break;
            case ColumnRenamed renamed:
                var type = TypeOf(renamed.Altered, renamed.Column);
                var table = Table(renamed.Altered);
                table.Columns.Remove(renamed.Column);
                table.Gone.Add(renamed.Column);
                table.Columns[renamed.NewName] = type;
                table.Gone.Remove(renamed.NewName);
                break;
            case ColumnRetyped retyped:
                Table(retyped.Altered).Columns[retyped.Column] = retyped.NewType;
                break;
            case IndexCreated { Index: { } index } created:
                indexes[index] = created.On;
                break;
            case IndexesDropped dropped:
                foreach (var index in dropped.Indexes)
                {
                    indexes.Remove(index);
                }

                break;
            case ConstraintAdded { Kind: ConstraintKind.Check, Name: { } name, NotNullColumn: { } column } check:
                notNullChecks[(check.Altered, name)] = (column, !check.NotValid);
                break;
            case ConstraintValidated validated when notNullChecks.TryGetValue((validated.Altered, validated.Name), out var check):
                notNullChecks[(validated.Altered, validated.Name)] = check with { Validated = true };
                break;
            case ConstraintDropped dropped:
                notNullChecks.Remove((dropped.Altered, dropped.Name));
                Table(dropped.Altered).ForeignKeys.Remove(dropped.Name);
                Table(dropped.Altered).DroppedConstraints.Add(dropped.Name);
                break;
        }
    }

    /// <summary>What lint knows of a table; one no migration created is known in part, and the database answers for the rest.</summary>
    private KnownTable Table(QualifiedName table)
    {
        if (!tables.TryGetValue(table, out var known))
        {
            tables[table] = known = new KnownTable(Complete: false);
        }

        return known;
    }

    private void Forget(QualifiedName table)
    {
        tables.Remove(table);
        foreach (var index in indexes.Where(i => i.Value == table).Select(i => i.Key).ToList())
        {
            indexes.Remove(index);
        }

        foreach (var check in notNullChecks.Keys.Where(k => k.Table == table).ToList())
        {
            notNullChecks.Remove(check);
        }
    }

    /// <summary>
    /// A table's columns and foreign keys: every one when a migration created it (<see cref="Complete"/>), else those
    /// changed since.
    /// </summary>
    private sealed record KnownTable(bool Complete)
    {
        public Dictionary<string, string?> Columns { get; } = [];

        public HashSet<string> Gone { get; } = [];

        public Dictionary<string, QualifiedName> ForeignKeys { get; } = [];

        public HashSet<string> DroppedConstraints { get; } = [];
    }
}

/// <summary>What lint asks the database, when it has one: cheap catalog reads only.</summary>
internal interface ILintDatabase
{
    /// <summary>The column's type as <c>format_type</c> writes it, or null when there is no such column.</summary>
    string? ColumnType(QualifiedName table, string column);

    /// <summary>The table of an index, or null when there is no such index.</summary>
    QualifiedName? IndexTable(QualifiedName index);

    /// <summary>The foreign keys of a table, by name, with the table each references; none when there is no such table.</summary>
    IReadOnlyDictionary<string, QualifiedName> ForeignKeys(QualifiedName table);

    /// <summary>The table's size from the catalog; not existing when there is no such table.</summary>
    TableSize Size(QualifiedName table);
}

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// The database as it will be when a step of a plan runs: what the database holds now, changed by what the steps
/// before it do (<see cref="Apply"/>). A table the plan creates holds no rows until the plan inserts some; a table the
/// plan dropped holds none; a table the plan renamed is still the database's table, with its rows.
/// </summary>
internal sealed class PlannedDatabase(CurrentDatabase now)
{
    private readonly Dictionary<QualifiedName, PlannedTable> tables = [];
    private readonly HashSet<QualifiedName> goneTables = [];

    /// <summary>Tables and columns of the database now that the plan drops or retypes: a dropped type no longer takes them with it.</summary>
    private readonly HashSet<(QualifiedName Table, string? Column)> leftByPlan = [];

    public RowCount RowsOf(QualifiedName table)
    {
        if (Find(table) is not { } planned)
        {
            return RowCount.None;
        }

        var existing = planned.NowName is { } nowName && !planned.Emptied ? now.Rows(nowName) : RowCount.None;
        return planned.Filled && !existing.HasRows ? RowCount.Inserted : existing;
    }

    /// <summary>The type of a column at this step, or null when it is unknown (a column the plan adds) or gone.</summary>
    public string? TypeOf(QualifiedName table, string column)
    {
        if (Find(table) is not { NowName: { } nowName } planned)
        {
            return null;
        }

        if (planned.Columns.TryGetValue(column, out var changed))
        {
            return changed.Type ?? (changed.NowName is { } nowColumn ? now.ColumnType(nowName, nowColumn) : null);
        }

        return planned.GoneColumns.Contains(column) ? null : now.ColumnType(nowName, column);
    }

    /// <summary>
    /// Whether the values of <paramref name="column"/> are, at this step, what the database holds now, under the same
    /// names: no step before touched the table's rows, renamed it or changed the column.
    /// </summary>
    public bool IsAsNow(QualifiedName table, string column)
        => !goneTables.Contains(table)
           && (!tables.TryGetValue(table, out var planned)
               || (planned.NowName == table && !planned.Emptied && !planned.Filled && !planned.Seeded && !planned.RowsChanged
                   && !planned.Columns.ContainsKey(column) && !planned.GoneColumns.Contains(column)));

    /// <summary>The columns of the database now whose type is <paramref name="type"/>, in the tables that still hold them.</summary>
    public IEnumerable<(QualifiedName Table, string Column)> ColumnsOfType(QualifiedName type)
        => now.ColumnsOfType(type).Where(c => !leftByPlan.Contains((c.Table, null)) && !leftByPlan.Contains(c));

    public bool SchemaHoldsTables(string schema) => now.HoldsTables(schema);

    public void Apply(SqlEffect effect)
    {
        switch (effect)
        {
            case TableCreated created:
                goneTables.Remove(created.Table);
                tables[created.Table] = new PlannedTable(nowName: null) { Filled = created.WithRows };
                break;
            case TableRenamed renamed when Find(renamed.Table) is { } table:
                tables.Remove(renamed.Table);
                goneTables.Add(renamed.Table);
                goneTables.Remove(renamed.NewName);
                tables[renamed.NewName] = table;
                break;
            case TableDropped dropped when Find(dropped.Table) is { } table:
                tables.Remove(dropped.Table);
                goneTables.Add(dropped.Table);
                if (table.NowName is { } nowName)
                {
                    leftByPlan.Add((nowName, null));
                }

                break;
            case RowsInserted { Copied: true } inserted when Find(inserted.Table) is { } table:
                table.Filled = true;
                break;
            case RowsInserted inserted when Find(inserted.Table) is { } table:
                table.Seeded = true;
                break;
            case RowsDeleted deleted when Find(deleted.Table) is { } table:
                table.RowsChanged = true;
                if (deleted.Every)
                {
                    table.Emptied = true;
                    table.Filled = false;
                    table.Seeded = false;
                }

                break;
            case RowsUpdated updated when Find(updated.Table) is { } table:
                table.RowsChanged = true;
                break;
            case ColumnAdded added when Find(added.Table) is { } table:
                table.GoneColumns.Remove(added.Column);
                table.Columns[added.Column] = new PlannedColumn(NowName: null, Type: null);
                break;
            case ColumnRenamed renamed when Find(renamed.Table) is { } table:
                table.Columns[renamed.NewName] = table.Columns.Remove(renamed.Column, out var column) ? column : new PlannedColumn(renamed.Column, Type: null);
                table.GoneColumns.Add(renamed.Column);
                table.GoneColumns.Remove(renamed.NewName);
                break;
            case ColumnDropped dropped when Find(dropped.Table) is { } table:
                Leave(table, dropped.Column);
                table.Columns.Remove(dropped.Column);
                table.GoneColumns.Add(dropped.Column);
                break;
            case ColumnRetyped retyped when Find(retyped.Table) is { } table:
                Leave(table, retyped.Column);
                table.Columns[retyped.Column] = table.Columns.GetValueOrDefault(retyped.Column, new PlannedColumn(retyped.Column, null)) with { Type = retyped.NewType };
                table.RowsChanged |= retyped.Rewritten;
                break;
        }
    }

    /// <summary>The table a name stands for at this step, null when there is none; a table the plan has not touched is the database's.</summary>
    private PlannedTable? Find(QualifiedName table)
    {
        if (tables.TryGetValue(table, out var planned))
        {
            return planned;
        }

        return goneTables.Contains(table) ? null : tables[table] = new PlannedTable(table);
    }

    private void Leave(PlannedTable table, string column)
    {
        var nowColumn = table.Columns.TryGetValue(column, out var changed) ? changed.NowName : column;
        if (table.NowName is { } nowName && nowColumn is not null)
        {
            leftByPlan.Add((nowName, nowColumn));
        }
    }

    /// <summary>A table at a step of the plan: the database's table <see cref="NowName"/>, or one the plan creates (null).</summary>
    private sealed class PlannedTable(QualifiedName? nowName)
    {
        public QualifiedName? NowName { get; } = nowName;

        /// <summary>Rows copied from elsewhere by a step before: data, which a later step can lose.</summary>
        public bool Filled { get; set; }

        /// <summary>Rows a step before wrote as constants: their values are the migration's, which keeps them.</summary>
        public bool Seeded { get; set; }

        public bool Emptied { get; set; }

        /// <summary>A step before updated, deleted or rewrote rows: their values are no longer those of now.</summary>
        public bool RowsChanged { get; set; }

        /// <summary>Columns the plan added, renamed or retyped, by their name at this step.</summary>
        public Dictionary<string, PlannedColumn> Columns { get; } = [];

        /// <summary>Columns of the database's table the plan dropped or renamed away.</summary>
        public HashSet<string> GoneColumns { get; } = [];
    }

    /// <summary>A column the plan changed: the database's column <see cref="NowName"/> (null when the plan adds it), with its new type when retyped.</summary>
    private sealed record PlannedColumn(string? NowName, string? Type);
}

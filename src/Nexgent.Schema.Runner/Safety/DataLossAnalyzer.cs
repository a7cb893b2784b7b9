using System.Reflection;
using FluentMigrator;
using FluentMigrator.Infrastructure;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// What running a plan of migrations would destroy, each migration judged on the database as it will be when its turn
/// comes: a table that an earlier migration of the plan creates holds no rows, so dropping or retyping its columns loses
/// nothing; a table the database holds now loses data only if it has rows. What a migration declares with
/// <see cref="LosesDataAttribute"/> says it best; detection (dropped tables, columns and types, deleted or updated rows,
/// changed types) covers those that declare nothing, unless they say otherwise with <see cref="NoDataLossAttribute"/>.
/// </summary>
internal sealed class DataLossAnalyzer(MigrationSql sql, DatabaseConnection database)
{
    /// <summary>What each migration of <paramref name="plan"/>, run in that order, would destroy, by version.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<string>> Analyze(IReadOnlyList<IMigrationInfo> plan, MigrationDirection direction)
    {
        using var now = new CurrentDatabase(database);
        var planned = new PlannedDatabase(now);
        return plan.ToDictionary(m => m.Version, m => Analyze(m.Migration, direction, planned));
    }

    private IReadOnlyList<string> Analyze(IMigration migration, MigrationDirection direction, PlannedDatabase planned)
    {
        var effects = sql.Of(migration, direction).SelectMany(s => SqlEffects.Of(s, database.Schema)).ToList();
        var declared = DataLoss.Declared(migration, direction);
        IReadOnlyList<string> losses = declared.Count > 0 && HoldsData(effects, planned) ? declared : [];
        var detect = declared.Count == 0 && !migration.GetType().GetCustomAttributes<NoDataLossAttribute>().Any(a => a.Direction == direction);

        var detected = new List<string>();
        var added = new HashSet<(QualifiedName, string)>();
        foreach (var effect in effects)
        {
            if (detect)
            {
                detected.AddRange(Losses(effect, planned, added));
            }

            if (effect is ColumnAdded column)
            {
                added.Add((column.Table, column.Column));
            }

            planned.Apply(effect);
        }

        return detect ? detected.Distinct().ToList() : losses;
    }

    /// <summary>Whether a table the migration touches holds rows before it runs; a migration whose SQL names no table may change any.</summary>
    private static bool HoldsData(IReadOnlyList<SqlEffect> effects, PlannedDatabase planned)
    {
        var touched = effects.SelectMany(e => e.Tables).Distinct().ToList();
        return touched.Count == 0 || touched.Any(t => planned.RowsOf(t).HasRows);
    }

    /// <summary>
    /// What <paramref name="effect"/> destroys at this step of the plan, each ending with the rows it holds (a summary
    /// ends every loss with a full stop, which must not eat an excerpt's "..."). Columns the migration itself adds
    /// (<paramref name="added"/>) hold no data yet, so retyping or filling them (<c>BackfillInRewrite</c>) loses nothing.
    /// </summary>
    private IEnumerable<string> Losses(SqlEffect effect, PlannedDatabase planned, HashSet<(QualifiedName, string)> added)
    {
        string Show(QualifiedName name) => name.ShownIn(database.Schema);

        switch (effect)
        {
            case TableDropped e when planned.RowsOf(e.Table) is { HasRows: true } rows:
                yield return $"drops the table {Show(e.Table)} ({rows})";
                break;
            case ColumnDropped e when planned.RowsOf(e.Table) is { HasRows: true } rows:
                yield return $"drops the column {Show(e.Table)}.{e.Column} with its values ({rows})";
                break;
            case RowsDeleted e when planned.RowsOf(e.Table) is { HasRows: true } rows:
                yield return $"deletes rows of {Show(e.Table)}: {e.Statement.Excerpt} ({rows})";
                break;
            case RowsUpdated e when (e.Columns is null || !e.Columns.All(c => added.Contains((e.Table, c))))
                                    && planned.RowsOf(e.Table) is { HasRows: true } rows:
                yield return $"overwrites values of {Show(e.Table)}: {e.Statement.Excerpt} ({rows})";
                break;
            case ColumnRetyped e when !added.Contains((e.Table, e.Column)) && planned.RowsOf(e.Table) is { HasRows: true } rows:
                var current = planned.TypeOf(e.Table, e.Column);
                if (e.Rewritten)
                {
                    yield return $"rewrites every value of {Show(e.Table)}.{e.Column} with TYPE {e.NewType} USING ... ({rows})";
                }
                else if (current is null || !ColumnType.KeepsEveryValue(current, e.NewType))
                {
                    yield return $"changes the type of {Show(e.Table)}.{e.Column}{(current is null ? "" : $" from {current}")} to {e.NewType} ({rows})";
                }

                break;
            case TypeDropped e:
                foreach (var (table, column) in planned.ColumnsOfType(e.Type))
                {
                    if (planned.RowsOf(table) is { HasRows: true } rows)
                    {
                        yield return $"drops the type {Show(e.Type)} with the values of {Show(table)}.{column} ({rows})";
                    }
                }

                break;
            case SchemaDropped e when planned.SchemaHoldsTables(e.Schema):
                yield return $"drops the schema {e.Schema} with its tables";
                break;
        }
    }
}

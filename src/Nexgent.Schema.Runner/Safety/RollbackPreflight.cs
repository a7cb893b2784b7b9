using FluentMigrator;
using FluentMigrator.Infrastructure;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// Checks, before a rollback starts, every refusal its Downs hold: the guards of <c>NarrowNumeric</c>, against the
/// rows as they are. A column that an earlier Down of the plan drops, renames or whose rows it changes is left to
/// its guard: what it will hold then cannot be known now.
/// </summary>
internal sealed class RollbackPreflight(MigrationSql sql, DatabaseConnection database)
{
    /// <summary>Every column a Down of <paramref name="downs"/> (newest first, the order they run in) would refuse to narrow.</summary>
    public IReadOnlyList<RollbackRefusal> Refusals(IReadOnlyList<IMigrationInfo> downs)
    {
        using var now = new CurrentDatabase(database);
        var planned = new PlannedDatabase(now);
        var refusals = new List<RollbackRefusal>();
        foreach (var migration in downs)
        {
            var checks = new List<NarrowingGuard>();
            foreach (var statement in sql.Of(migration.Migration, MigrationDirection.Down))
            {
                checks.AddRange(NarrowingGuard.In(statement, database.Schema).Where(g => planned.IsAsNow(g.Table, g.Column) && now.ColumnType(g.Table, g.Column) is not null));
                foreach (var effect in SqlEffects.Of(statement, database.Schema))
                {
                    planned.Apply(effect);
                }
            }

            foreach (var table in checks.GroupBy(c => c.Table))
            {
                var guards = table.ToList();
                var counts = now.CountWhere(table.Key, guards.Select(g => g.Condition).ToList());
                refusals.AddRange(guards.Zip(counts)
                    .Where(g => g.Second > 0)
                    .Select(g => new RollbackRefusal(migration.Version, migration.Description ?? "", g.First.Table.ShownIn(database.Schema), g.First.Column, g.First.Type, g.First.Scale, g.Second)));
            }
        }

        return refusals;
    }
}

using System.Reflection;
using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Runner;

internal static class DataLoss
{
    /// <summary>What running <paramref name="migration"/> in <paramref name="direction"/> destroys, as its attributes declare.</summary>
    public static IReadOnlyList<string> Declared(IMigration migration, MigrationDirection direction)
        => migration.GetType().GetCustomAttributes<LosesDataAttribute>()
            .Where(a => a.Direction == direction)
            .Select(a => a.What)
            .ToList();
}

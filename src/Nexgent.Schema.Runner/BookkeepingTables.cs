namespace Nexgent.Schema.Runner;

/// <summary>
/// The tables that record migrations rather than hold the application's data: FluentMigrator's version table (its
/// default name, and an assembly's own name for it when one is given), this runner's journal, and Prisma Migrate's
/// <c>_prisma_migrations</c>. Drift, generation, rehearsals and scripts leave them out of the schema they read.
/// </summary>
internal static class BookkeepingTables
{
    private static readonly string[] Always = [VersionTable.DefaultTableName, Journal.VersionJournal.TableName, Baselining.PrismaMigrationsTable.Name];

    /// <summary>Their names, with <paramref name="versionTable"/> (a version table of another name) when given.</summary>
    public static IReadOnlyList<string> Names(string? versionTable = null)
        => versionTable is null || Always.Contains(versionTable) ? Always : [.. Always, versionTable];

    public static bool Contains(string table, string? versionTable = null) => Names(versionTable).Contains(table);

    /// <summary>Their names as a list of SQL literals in parentheses, for <c>NOT IN</c>.</summary>
    public static string SqlList(string? versionTable = null)
        => $"({string.Join(", ", Names(versionTable).Select(n => $"'{n.Replace("'", "''", StringComparison.Ordinal)}'"))})";
}

namespace Nexgent.Schema.Postgres;

/// <summary>
/// Constraint and index names as Prisma writes them, so that a database migrated here and one
/// migrated by Prisma have the same catalog.
/// </summary>
public static class PrismaNames
{
    /// <summary>PostgreSQL truncates longer identifiers silently; we refuse them instead.</summary>
    public const int MaxIdentifierLength = 63;

    public static string PrimaryKey(string table) => Checked($"{table}_pkey");

    public static string Index(string table, params string[] columns) => Checked($"{table}_{string.Join('_', columns)}_idx");

    public static string UniqueKey(string table, params string[] columns) => Checked($"{table}_{string.Join('_', columns)}_key");

    public static string ForeignKey(string table, string column) => Checked($"{table}_{column}_fkey");

    private static string Checked(string name)
    {
        if (name.Length > MaxIdentifierLength)
        {
            throw new ArgumentException(
                $"The name '{name}' is {name.Length} characters long and PostgreSQL would cut it to {MaxIdentifierLength}; give the index or constraint a shorter name explicitly.");
        }

        return name;
    }
}

using Npgsql;

namespace Nexgent.Schema.Runner.Baselining;

/// <summary>Reads <c>_prisma_migrations</c>, where Prisma Migrate recorded what it applied.</summary>
internal static class PrismaMigrationsTable
{
    public const string Name = "_prisma_migrations";

    /// <summary>Every row, oldest first; null when the schema has no such table.</summary>
    public static IReadOnlyList<PrismaMigration>? Read(DatabaseConnection database)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        if (!TableLookup.Exists(connection, database.Schema, Name))
        {
            return null;
        }

        using var select = new NpgsqlCommand(
            $"SELECT migration_name, started_at, finished_at, rolled_back_at FROM {Identifier.Qualified(database.Schema, Name)} ORDER BY started_at, migration_name",
            connection);
        using var reader = select.ExecuteReader();
        var rows = new List<PrismaMigration>();
        while (reader.Read())
        {
            rows.Add(new PrismaMigration(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetDateTime(1),
                reader.IsDBNull(2) ? null : reader.GetDateTime(2),
                reader.IsDBNull(3) ? null : reader.GetDateTime(3)));
        }

        return rows;
    }
}

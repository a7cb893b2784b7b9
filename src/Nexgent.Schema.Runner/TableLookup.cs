using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>Whether a table exists, its schema and name compared as values.</summary>
internal static class TableLookup
{
    public static bool Exists(NpgsqlConnection connection, string schema, string table)
    {
        using var exists = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema AND c.relname = @table AND c.relkind IN ('r', 'p'))",
            connection);
        exists.Parameters.AddWithValue("schema", schema);
        exists.Parameters.AddWithValue("table", table);
        return exists.ExecuteScalar() is true;
    }
}

using Npgsql;

namespace Nexgent.Schema.Runner;

internal static class TableLookup
{
    public static bool Exists(NpgsqlConnection connection, string schema, string table)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass(format('%I.%I', @schema, @table)) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("schema", schema);
        exists.Parameters.AddWithValue("table", table);
        return exists.ExecuteScalar() is true;
    }
}

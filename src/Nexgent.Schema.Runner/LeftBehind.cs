using System.Text.RegularExpressions;
using Npgsql;

namespace Nexgent.Schema.Runner;

/// <summary>
/// What a failed migration that ran outside a transaction can be seen to have left: the INVALID indexes a failed
/// <c>CREATE INDEX CONCURRENTLY</c> leaves behind, on the tables (or under the index names) its SQL names.
/// </summary>
internal static partial class LeftBehind
{
    public static string Describe(DatabaseConnection database, string sql)
    {
        IReadOnlyList<(string Index, string Table)> invalid;
        try
        {
            invalid = InvalidIndexes(database, sql);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return "part of it may have stayed (what it left could not be read from the database)";
        }

        if (invalid.Count == 0)
        {
            return "part of it may have stayed (no INVALID index was left on the tables it names; check what its statements before the failing one changed)";
        }

        var droppedFirst = DroppedBeforeBuilding(sql);
        return "part of it stayed: " + string.Join("; ", invalid.Select(i =>
            $"the index {Identifier.Quote(i.Index)} on {Identifier.Quote(i.Table)} is INVALID, as a failed CREATE INDEX CONCURRENTLY leaves it " +
            (droppedFirst.Contains(i.Index)
                ? "(the migration drops it before building it, so running it again rebuilds it)"
                : $"(drop it with DROP INDEX CONCURRENTLY {Identifier.Qualified(database.Schema, i.Index)})")));
    }

    /// <summary>The indexes the SQL drops with <c>DROP INDEX CONCURRENTLY IF EXISTS</c> (as <c>CreateIndexConcurrently</c> does before building one).</summary>
    private static HashSet<string> DroppedBeforeBuilding(string sql)
        => Safety.SqlStatement.Split(sql)
            .Select(s => DropIndexIfExists().Match(s.Code))
            .Where(m => m.Success)
            .Select(m => Safety.SqlNames.Resolve(m.Groups["index"].Value, "").Name)
            .ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<(string Index, string Table)> InvalidIndexes(DatabaseConnection database, string sql)
    {
        var named = Names(sql);
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var select = new NpgsqlCommand("""
            SELECT ic.relname, tc.relname
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class tc ON tc.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = ic.relnamespace
            WHERE NOT i.indisvalid AND n.nspname = @schema
            ORDER BY 1
            """, connection);
        select.Parameters.AddWithValue("schema", database.Schema);
        using var reader = select.ExecuteReader();
        var invalid = new List<(string, string)>();
        while (reader.Read())
        {
            var (index, table) = (reader.GetString(0), reader.GetString(1));
            if (named.Contains(index) || named.Contains(table))
            {
                invalid.Add((index, table));
            }
        }

        return invalid;
    }

    /// <summary>Every identifier the SQL holds, as PostgreSQL stores it: quoted ones as written, others in lower case.</summary>
    private static HashSet<string> Names(string sql)
        => Identifiers().Matches(sql)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value.Replace("\"\"", "\"") : m.Groups[2].Value.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)")]
    private static partial Regex Identifiers();

    [GeneratedRegex($@"^\s*DROP\s+INDEX\s+CONCURRENTLY\s+IF\s+EXISTS\s+(?<index>{Safety.SqlNames.Qualified})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DropIndexIfExists();
}

using System.Reflection;
using Npgsql;

namespace Nexgent.Schema.Testing;

/// <summary>
/// The normalized catalog of a schema, one fact per line: its tables, columns (type, nullability, default, identity),
/// constraints, indexes, enum types, sequences, functions and views, in a fixed order. The query is
/// <c>catalog.sql</c>, shipped in this assembly, which psql runs as well (<c>psql -v schema=public -v ordered=1 -f catalog.sql</c>);
/// snapshot files are its output.
/// </summary>
public static class Catalog
{
    /// <summary>The query as psql runs it, with its <c>:schema</c> and <c>:ordered</c> variables.</summary>
    public static string Sql { get; } = ReadResource();

    // The same query for Npgsql: psql's commands and the comments out, its variables as parameters.
    private static readonly string Query = string.Join('\n', Sql.Split('\n').Where(line => !line.StartsWith('\\') && !line.StartsWith("--", StringComparison.Ordinal)))
        .Replace(":'schema'", "@schema", StringComparison.Ordinal)
        .Replace(":ordered", "@ordered", StringComparison.Ordinal);

    /// <summary>
    /// The catalog of <paramref name="schema"/> in the database of <paramref name="connectionString"/>. Ordered, a table's
    /// columns come in their order in the table; unordered, by name (a Down that re-adds a column can only put it last).
    /// </summary>
    public static List<string> Read(string connectionString, string schema = "public", bool ordered = true)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("ordered", ordered ? 1 : 0);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Nexgent.Schema.Testing.catalog.sql")
                           ?? throw new InvalidOperationException("catalog.sql is not embedded in Nexgent.Schema.Testing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}

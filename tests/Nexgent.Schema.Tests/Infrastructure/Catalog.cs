using Npgsql;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>
/// Runs Nexgent's <c>catalog.sql</c> (a copy lives in Golden/) through Npgsql, as
/// <c>psql -v ordered=1 -f catalog.sql</c> would, and returns its lines.
/// </summary>
public static class Catalog
{
    private static readonly string Query = string.Join('\n',
        File.ReadAllLines(Golden.Path("catalog.sql")).Where(line => !line.StartsWith('\\')));

    public static List<string> Read(string connectionString, bool ordered = true)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(Query.Replace(":ordered", ordered ? "1" : "0"), connection);
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}

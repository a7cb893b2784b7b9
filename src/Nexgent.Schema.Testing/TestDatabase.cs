using Npgsql;

namespace Nexgent.Schema.Testing;

/// <summary>
/// A database of its own for one test, created empty or as a copy of a template (<see cref="TestPostgres.CreateDatabase"/>).
/// Disposing it closes its sessions and drops it, except on a throwaway server, which goes with all its databases.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    /// <summary>What pg_stat_activity shows for the sessions a test opens with <see cref="Open"/>.</summary>
    public const string OwnSessionsName = "Nexgent.Schema.Testing";

    private readonly TestPostgres server;
    private readonly string ownSessions;

    internal TestDatabase(TestPostgres server, string name)
    {
        this.server = server;
        Name = name;
        // The runner names its sessions itself (dotnet-fm), and a test that looks for them finds them by that name, so
        // the string handed to it carries none; the test's own sessions go by another name.
        var builder = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name, Pooling = true, ApplicationName = null };
        ConnectionString = builder.ConnectionString;
        builder.ApplicationName = OwnSessionsName;
        ownSessions = builder.ConnectionString;
    }

    public string Name { get; }

    /// <summary>An Npgsql key/value connection string, with no application name: give it to the runner.</summary>
    public string ConnectionString { get; }

    /// <summary>The same database as a <c>postgresql://</c> URL, the form Nexgent's <c>DATABASE_URL</c> has.</summary>
    public string Url
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(ConnectionString);
            var credentials = Uri.EscapeDataString(b.Username ?? "postgres")
                              + (string.IsNullOrEmpty(b.Password) ? "" : ":" + Uri.EscapeDataString(b.Password));
            return $"postgresql://{credentials}@{b.Host}:{b.Port}/{Name}?schema=public";
        }
    }

    /// <summary>A session of the test's own (pooled, named <see cref="OwnSessionsName"/>).</summary>
    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ownSessions);
        connection.Open();
        return connection;
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public T? Scalar<T>(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is DBNull or null ? default : (T)value;
    }

    /// <summary>Every row of a query, each as its column values (numerics compare by value, whatever their scale).</summary>
    public List<object?[]> Rows(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The versions recorded in FluentMigrator's version table of <paramref name="schema"/>, ascending; empty when it does not exist.</summary>
    public List<long> RecordedVersions(string schema = "public")
    {
        var table = Nexgent.Schema.Runner.Identifier.Qualified(schema, Nexgent.Schema.Runner.VersionTable.DefaultTableName);
        return Scalar<bool>($"SELECT to_regclass('{table.Replace("'", "''", StringComparison.Ordinal)}') IS NOT NULL")
            ? Rows($"SELECT \"Version\" FROM {table} ORDER BY 1").Select(r => (long)r[0]!).ToList()
            : [];
    }

    /// <summary>The catalog of <paramref name="schema"/> (<see cref="Testing.Catalog"/>), with column order or by name.</summary>
    public List<string> Catalog(bool ordered = true, string schema = "public") => Testing.Catalog.Read(ownSessions, schema, ordered);

    /// <summary>Closes the idle sessions of the test's own pool (before the database serves as a template, or is dropped).</summary>
    public void CloseSessions()
    {
        // Idle pooled sessions would otherwise stay open for minutes. The runner's own pool closes with the runner.
        using var connection = new NpgsqlConnection(ownSessions);
        NpgsqlConnection.ClearPool(connection);
    }

    public void Dispose()
    {
        CloseSessions();
        if (!server.IsThrowaway)
        {
            server.Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
    }
}

using Npgsql;

using Nexgent.Schema.Tests;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>A database of its own for one test, created empty or as a copy of a template, dropped at the end.</summary>
public sealed class TestDatabase : IDisposable
{
    private const string OwnSessionsName = "Nexgent.Schema.Tests";

    private readonly string ownSessions;

    private TestDatabase(string name)
    {
        Name = name;
        // The runner names its sessions itself (dotnet-fm), and the fault tests find them by that name, so the
        // string handed to it carries none; the test's own sessions go by another name.
        var builder = new NpgsqlConnectionStringBuilder(TestServer.Current.AdminConnectionString) { Database = name, Pooling = true, ApplicationName = null };
        ConnectionString = builder.ConnectionString;
        builder.ApplicationName = OwnSessionsName;
        ownSessions = builder.ConnectionString;
    }

    public string Name { get; }

    /// <summary>An Npgsql key/value connection string.</summary>
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

    public static TestDatabase Create(string? template = null)
    {
        var database = new TestDatabase("t_" + Guid.NewGuid().ToString("N")[..12]);
        Admin.Execute($"CREATE DATABASE {database.Name} TEMPLATE {template ?? "template0"}");
        return database;
    }

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

    /// <summary>The versions recorded in FluentMigrator's version table, ascending; empty when it does not exist.</summary>
    public List<long> RecordedVersions()
        => Scalar<bool>("SELECT to_regclass('public.\"VersionInfo\"') IS NOT NULL")
            ? Rows("SELECT \"Version\" FROM \"VersionInfo\" ORDER BY 1").Select(r => (long)r[0]!).ToList()
            : [];

    public List<string> Catalog(bool ordered = true) => Infrastructure.Catalog.Read(ownSessions, ordered);

    public void Dispose()
    {
        // Idle pooled sessions would otherwise stay open for minutes, one or more per test database.
        // The runner's own pool closes with the runner (SchemaRunner disposes it).
        using (var connection = new NpgsqlConnection(ownSessions))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        if (!TestServer.Current.IsThrowaway)
        {
            Admin.Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
    }
}

using System.Collections.Concurrent;
using Npgsql;

namespace Nexgent.Schema.Testing;

/// <summary>
/// The PostgreSQL server of a test run, where each test makes databases of its own: <c>DATABASE_TEST_URL</c> when it is
/// set, else a Testcontainers container when a Docker engine answers, else a throwaway cluster from the installed server
/// binaries (<c>initdb</c>, <c>pg_ctl</c>); with none of them, <see cref="StartAsync"/> fails with a sentence saying how to
/// provide one. Start it once per run (an NUnit <c>[SetUpFixture]</c>) and dispose it at the end: that drops the template
/// databases it made and stops a server it started.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    /// <summary>Why no server was found, and how to provide one.</summary>
    public const string NoServerMessage =
        $"No PostgreSQL server for the tests: set {ExternalServer.Variable}=postgresql://user:password@host:5432/postgres, start a Docker engine, or install the server binaries (apt-get install postgresql-15).";

    private readonly ConcurrentDictionary<(string Migrations, DatabaseSeed? Seed), DatabaseTemplates> templates = new();

    private TestPostgres(IPostgresServer server) => Server = server;

    /// <summary>Where the server came from and how it is reached.</summary>
    internal IPostgresServer Server { get; }

    /// <summary>Where the server came from, for the test log (never the password).</summary>
    public string Description => Server.Description;

    /// <summary>An Npgsql connection string of a superuser on the server's maintenance database.</summary>
    public string AdminConnectionString => Server.AdminConnectionString;

    /// <summary>Whether the server goes at the end of the run with all its databases (nothing is dropped then).</summary>
    public bool IsThrowaway => Server.IsThrowaway;

    /// <summary>Finds or starts the server: <c>DATABASE_TEST_URL</c>, Testcontainers, a local cluster, in that order.</summary>
    public static async Task<TestPostgres> StartAsync()
    {
        var server = ExternalServer.FromEnvironment()
                     ?? (IPostgresServer?)await ContainerServer.TryStartAsync().ConfigureAwait(false)
                     ?? LocalClusterServer.TryStart()
                     ?? throw new InvalidOperationException(NoServerMessage);
        return new TestPostgres(server);
    }

    /// <summary>A server found another way; disposing the result disposes it.</summary>
    internal static TestPostgres On(IPostgresServer server) => new(server ?? throw new ArgumentNullException(nameof(server)));

    /// <summary>Runs a statement on the maintenance database (CREATE / DROP DATABASE, roles).</summary>
    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A new database, empty (a copy of <c>template0</c>) or a copy of the database named <paramref name="template"/>.</summary>
    public TestDatabase CreateDatabase(string? template = null)
    {
        var database = new TestDatabase(this, "t_" + Guid.NewGuid().ToString("N")[..12]);
        Execute($"CREATE DATABASE {database.Name} TEMPLATE {template ?? "template0"}");
        return database;
    }

    /// <summary>
    /// The template databases of <paramref name="migrations"/> on this server, one per version, each made once and copied
    /// by every test that starts there; with <paramref name="seed"/>, a second set holding its rows.
    /// </summary>
    public DatabaseTemplates Templates(MigrationsUnderTest migrations, DatabaseSeed? seed = null)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        return templates.GetOrAdd((migrations.Key, seed), _ => new DatabaseTemplates(this, migrations, seed));
    }

    /// <summary>Drops the templates (once those being built are done), then stops or forgets the server.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var set in templates.Values)
            {
                await set.DropAsync().ConfigureAwait(false);
            }

            templates.Clear();
        }
        finally
        {
            await Server.DisposeAsync().ConfigureAwait(false);
        }
    }
}

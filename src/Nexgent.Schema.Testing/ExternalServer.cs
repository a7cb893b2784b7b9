using Nexgent.Schema.Runner;
using Npgsql;

namespace Nexgent.Schema.Testing;

/// <summary>
/// A server someone else runs, named by <c>DATABASE_TEST_URL</c> (Nexgent's variable), as a URL or Npgsql keywords. Its
/// user must log in with a password the server checks: the server is refused otherwise, with a sentence saying why.
/// Databases made on it are dropped after each test, and the templates at the end of the run.
/// </summary>
internal sealed class ExternalServer : IPostgresServer
{
    public const string Variable = "DATABASE_TEST_URL";

    private ExternalServer(DatabaseConnection connection)
    {
        // Without the runner's application name, which parsing the URL adds: a test that counts the runner's sessions
        // finds them by it (dotnet-fm). TestDatabase names the tests' own sessions.
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = "postgres", SearchPath = null, ApplicationName = null };
        if (string.IsNullOrEmpty(builder.Password))
        {
            throw new InvalidOperationException(
                $"{Variable} has no password; give a user that logs in with one (postgresql://user:password@host:5432/postgres): the tests prove a password never reaches the output.");
        }

        AdminConnectionString = builder.ConnectionString;
        Description = $"{Variable} ({connection.Describe()})";
        RequireThatWrongPasswordsAreRefused(builder);
    }

    public string Description { get; }

    public bool IsThrowaway => false;

    public string AdminConnectionString { get; }

    public static ExternalServer? FromEnvironment()
        => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? new ExternalServer(DatabaseConnection.Parse(url)) : null;

    private static void RequireThatWrongPasswordsAreRefused(NpgsqlConnectionStringBuilder admin)
    {
        var wrong = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Password = admin.Password + "-wrong", Pooling = false };
        try
        {
            using var connection = new NpgsqlConnection(wrong.ConnectionString);
            connection.Open();
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("28", StringComparison.Ordinal)) // invalid authorization
        {
            return;
        }

        throw new InvalidOperationException(
            $"The server in {Variable} lets a wrong password in (trust authentication in pg_hba.conf); use one that checks passwords (scram-sha-256): the tests prove a wrong one is refused.");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

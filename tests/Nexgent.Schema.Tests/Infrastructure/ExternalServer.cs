using Nexgent.Schema.Runner;
using Npgsql;

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>A server someone else runs, named by <c>DATABASE_TEST_URL</c> (Nexgent's variable).</summary>
public sealed class ExternalServer : IPostgresServer
{
    public const string Variable = "DATABASE_TEST_URL";

    private ExternalServer(DatabaseConnection connection)
    {
        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = "postgres", SearchPath = null };
        AdminConnectionString = builder.ConnectionString;
        Description = $"{Variable} ({connection.Describe()})";
    }

    public string Description { get; }

    public string AdminConnectionString { get; }

    public static ExternalServer? FromEnvironment()
        => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url ? new ExternalServer(DatabaseConnection.Parse(url)) : null;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

using Npgsql;

namespace Nexgent.Schema.Runner.Drift;

/// <summary>
/// A temporary database beside the target, on the same server and with the same credentials, that the
/// migrations build from scratch so its catalog can be compared with the target's. Dropped on dispose.
/// </summary>
internal sealed class ShadowDatabase : IDisposable
{
    private readonly DatabaseConnection target;

    private ShadowDatabase(DatabaseConnection target, string name)
    {
        this.target = target;
        Name = name;
        Connection = target.WithDatabase(name);
    }

    public string Name { get; }

    public DatabaseConnection Connection { get; }

    public static ShadowDatabase Create(DatabaseConnection target)
    {
        var suffix = $"_shadow_{Guid.NewGuid():N}";
        var name = Identifier.Truncated(target.Database ?? "db", Identifier.MaxBytes - suffix.Length) + suffix;
        try
        {
            Execute(target, $"CREATE DATABASE {Identifier.Quote(name)} TEMPLATE template0");
        }
        catch (PostgresException e) when (e.SqlState == "42501")
        {
            throw new SchemaRunnerException(
                $"User '{target.Username}' may not create the temporary shadow database the comparison needs; grant it CREATEDB (ALTER ROLE {Identifier.Quote(target.Username ?? "")} CREATEDB) or run with a user that has it.", e);
        }

        return new ShadowDatabase(target, name);
    }

    public void Dispose()
    {
        try
        {
            Execute(target, $"DROP DATABASE IF EXISTS {Identifier.Quote(Name)} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // Leave it rather than hide the real outcome; its name says what it is.
        }
    }

    private static void Execute(DatabaseConnection database, string sql)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

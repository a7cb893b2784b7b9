using Nexgent.Schema.Cli;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Scripting;

/// <summary>
/// A script takes the runner's migration lock: a runner waits for a script that holds it, and a script for a runner.
/// The script is fed to psql piece by piece, so that each side holds the lock for as long as the test needs.
/// </summary>
public sealed class ScriptLockTests
{
    private const string Locked = "fm-test: the script holds the migration lock";

    [Test]
    public void While_a_script_holds_the_migration_lock_dotnet_fm_migrate_waits_for_it_and_gives_up_with_its_lock_wait_message()
    {
        using var database = TestDatabase.Create();
        var script = Scripts.Write().Sql;
        var afterLock = script.IndexOf("\n-- The database must", StringComparison.Ordinal);
        using var psql = Scripts.StartReading(database);

        // Up to the lock, then a line on standard error once psql has run it: read, not waited for with a clock.
        psql.StandardInput.Write(script[..afterLock] + $"\n\\warn '{Locked}'\n");
        psql.StandardInput.Flush();
        Assert.That(ReadUntil(psql.StandardError, Locked), Is.True, "psql said nothing once it had taken the lock");

        var migrate = Fm.Run("migrate", "--lock-wait", "1", "-c", database.ConnectionString);

        Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Failure), migrate.ToString());
        Assert.That(migrate.Error, Does.Contain($"error: Another runner has held the migration lock on {Describe(database)} for more than 1 s; wait for it to finish, or raise --lock-wait."));
        Assert.That(database.RecordedVersions(), Is.Empty, "the runner applied nothing");

        psql.StandardInput.Write(script[afterLock..]);
        psql.StandardInput.Close();
        var run = Scripts.Finish(psql);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
        var after = Fm.Run("migrate", "--lock-wait", "1", "-c", database.ConnectionString);
        Assert.That(after.Output, Does.Contain($"Nothing to do: {Describe(database)} is at version {Golden.Latest}."), "the lock is released at the end of the script");
    }

    [Test]
    public void While_a_runner_holds_the_migration_lock_a_script_waits_for_it_and_gives_up_having_changed_nothing()
    {
        using var database = TestDatabase.Create();
        using var runner = database.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", runner))
        {
            take.Parameters.AddWithValue("key", MigrationLock.KeyFor("public"));
            take.ExecuteNonQuery();
        }

        var run = Scripts.Apply(database, Scripts.Write(configure: o => o.LockWait = TimeSpan.FromSeconds(1)));

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        Assert.That(run.Error, Does.Contain("ERROR:  Another runner has held the migration lock on schema \"public\" for more than 1 s; nothing was changed: run the script again once it has finished."));
        Assert.That(database.Scalar<bool>("SELECT to_regclass('public.\"VersionInfo\"') IS NULL"), Is.True, "nothing was created");
    }

    private static string Describe(TestDatabase database)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"{connection.Username}@{connection.Host}:{connection.Port}/{database.Name} (schema public)";
    }

    /// <summary>Reads lines until one holds <paramref name="expected"/> (true), or the stream ends (false).</summary>
    private static bool ReadUntil(StreamReader reader, string expected)
    {
        var reading = Task.Run(() =>
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Contains(expected, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        });
        Assert.That(reading.Wait(TimeSpan.FromMinutes(2)), Is.True, "psql neither answered nor ended within two minutes");
        return reading.Result;
    }
}

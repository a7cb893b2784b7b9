using System.Text.Json;
using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Workflow;

public sealed class StatusAndDriftTests
{
    [Test]
    public void Status_exits_zero_only_when_up_to_date()
    {
        using var database = TemplateDatabases.At(Golden.Latest);

        var run = Fm.Run("status", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Does.Contain($"is at version {Golden.Latest}: {Golden.Versions.Count} applied, 0 pending, 0 unknown, 0 failed.").And.Contain("Up to date."));
    }

    [Test]
    public void Status_lists_pending_migrations_and_exits_with_the_not_up_to_date_code()
    {
        using var database = TemplateDatabases.At(20260131160000);

        var run = Fm.Run("status", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.NotUpToDate), run.ToString());
        Assert.That(run.Output, Does.Contain($"15 applied, {Golden.Versions.Count - 15} pending, 0 unknown").And.Contain("pending  20260208120000 add_tp_batch_fields"));
    }

    [Test]
    public void Status_reports_applied_versions_the_assemblies_lack_as_json()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("INSERT INTO \"VersionInfo\" (\"Version\", \"AppliedOn\", \"Description\") VALUES (20991231000000, now(), 'from_a_newer_release')");

        var run = Fm.Run("status", "--json", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.NotUpToDate), run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("isUpToDate").GetBoolean(), Is.False);
        Assert.That(json.RootElement.GetProperty("applied").GetArrayLength(), Is.EqualTo(Golden.Versions.Count));
        var unknown = json.RootElement.GetProperty("unknown").EnumerateArray().Single();
        Assert.That(unknown.GetProperty("version").GetInt64(), Is.EqualTo(20991231000000));
        Assert.That(unknown.GetProperty("description").GetString(), Is.EqualTo("from_a_newer_release"));
    }

    [Test]
    public void Drift_finds_nothing_on_a_database_the_migrations_built()
    {
        using var database = TemplateDatabases.At(20260106130000);

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Does.Contain("No drift: the schema is what the migrations build at version 20260106130000."));
        AssertNoShadowDatabaseLeft(database);
    }

    [Test]
    public void Drift_sees_a_table_whose_name_merely_holds_version()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("CREATE TABLE app_versions (id integer)");

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.ToString());
        Assert.That(run.Output, Does.Contain("app_versions"));
    }

    [Test]
    public void Drift_drops_the_shadow_database_a_killed_run_left_and_no_other()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        var abandoned = $"{database.Name}_shadow_20200101000000_deadbeef";
        var recent = $"{database.Name}_shadow_{DateTime.UtcNow:yyyyMMddHHmmss}_0badf00d";
        var unrelated = $"{database.Name}_shadow_notes";
        foreach (var name in new[] { abandoned, recent, unrelated })
        {
            TestServer.Current.Execute($"CREATE DATABASE \"{name}\"");
        }

        try
        {
            var run = Fm.Run("drift", "-c", database.ConnectionString);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.That(ShadowsOf(database), Is.EquivalentTo(new[] { recent, unrelated }), "the abandoned one is dropped, and the run's own");
        }
        finally
        {
            foreach (var name in new[] { abandoned, recent, unrelated })
            {
                TestServer.Current.Execute($"DROP DATABASE IF EXISTS \"{name}\"");
            }
        }
    }

    private static List<string> ShadowsOf(TestDatabase database)
        => database.Rows($"SELECT datname FROM pg_database WHERE datname LIKE '{database.Name}\\_shadow\\_%'").Select(r => (string)r[0]!).ToList();

    [Test]
    public void Drift_says_each_difference_as_a_sentence_and_exits_non_zero()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("""
            ALTER TABLE agents ADD COLUMN nickname text;
            ALTER TABLE users ALTER COLUMN email TYPE varchar(300);
            ALTER TABLE agent_positions ALTER COLUMN dca_count DROP DEFAULT;
            DROP INDEX trading_signals_signal_type_idx;
            ALTER TYPE "TransactionType" ADD VALUE 'AIRDROP';
            CREATE TABLE audit_log (id bigint PRIMARY KEY);
            """);

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        Assert.That(lines, Is.EquivalentTo(new[]
        {
            "The database has a table audit_log that the migrations do not create.",
            "The database has a column agents.nickname (text) that the migrations do not create.",
            "The column agent_positions.dca_count is 'integer not null' in the database but 'integer not null default 0' in the migrations.",
            "The column users.email is 'character varying(300) not null' in the database but 'character varying(255) not null' in the migrations.",
            "The index trading_signals.trading_signals_signal_type_idx (CREATE INDEX trading_signals_signal_type_idx ON public.trading_signals USING btree (signal_type)) that the migrations create is missing from the database.",
            "The enum type TransactionType is 'DEPOSIT, WITHDRAWAL, SWAP, BURN, AIRDROP' in the database but 'DEPOSIT, WITHDRAWAL, SWAP, BURN' in the migrations.",
            $"6 difference(s) from the migrations at version {Golden.Latest}.",
        }));
        AssertNoShadowDatabaseLeft(database);
    }

    [Test]
    public void Drift_works_against_a_database_prisma_built_once_baselined()
    {
        using var database = PrismaBuilt.At(20260123000000);
        Assert.That(Fm.Run("baseline", "--from-prisma", "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));

        var run = Fm.Run("drift", "--json", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("version").GetInt64(), Is.EqualTo(20260123000000));
        Assert.That(json.RootElement.GetProperty("differences").GetArrayLength(), Is.Zero);
    }

    /// <summary>The shadow databases of this test's database (named after it), not those of tests running beside it.</summary>
    private static void AssertNoShadowDatabaseLeft(TestDatabase database)
    {
        using var admin = new Npgsql.NpgsqlConnection(TestServer.Current.AdminConnectionString);
        admin.Open();
        using var command = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname LIKE '{database.Name}\\_shadow\\_%'", admin);
        Assert.That(command.ExecuteScalar(), Is.EqualTo(0L), "the shadow database is dropped");
    }
}

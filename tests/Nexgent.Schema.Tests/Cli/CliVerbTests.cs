using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>Each verb of <c>dotnet fm</c> against a real database, judged by the database afterwards.</summary>
public sealed class CliVerbTests
{
    private static readonly long Latest = Golden.Latest;

    [Test]
    public void Migrate_applies_every_migration()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Does.Contain($"is now at version {Latest}"));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Latest)));
    }

    [Test]
    public void Migrate_reads_a_prisma_style_DATABASE_URL_when_no_connection_is_given()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run(new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url }, "migrate");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Latest)));
    }

    [Test]
    public void The_schema_parameter_of_the_url_places_every_object_in_that_schema()
    {
        using var database = TestDatabase.Create();
        var url = database.Url.Replace("?schema=public", "?schema=trading");

        var run = Fm.Run("migrate", "up", "-t", "20251213231745", "-c", url);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.Scalar<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'trading'"), Is.EqualTo(11), "9 tables, VersionInfo and VersionJournal");
        Assert.That(database.Scalar<long>("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'trading' AND t.typname = 'TransactionType'"), Is.EqualTo(1));
        Assert.That(database.Catalog(), Is.Empty, "nothing in public");
        Assert.That(Fm.Run("rollback", "all", "-c", url).ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'trading'"), Is.EqualTo(2), "only VersionInfo and VersionJournal");
    }

    [Test]
    public void Migrate_up_with_a_target_stops_there()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "up", "-t", "20251221000651", "-c", database.Url);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(20251221000651)));
    }

    [Test]
    public void Migrate_down_with_a_target_rolls_back_to_it()
    {
        using var database = TemplateDatabases.At(Latest);

        var run = Fm.Run("migrate", "down", "--target", "20251220051448", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(20251220051448)));
    }

    [Test]
    public void Rollback_undoes_the_last_migration_only()
    {
        using var database = TemplateDatabases.At(Latest);

        var run = Fm.Run("rollback", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions.SkipLast(1)));
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(Golden.Previous(Latest))));
    }

    [Test]
    public void Rollback_by_n_undoes_the_last_n_migrations()
    {
        using var database = TemplateDatabases.At(Latest);

        var run = Fm.Run("rollback", "by", "3", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions.SkipLast(3)));
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(Golden.Versions[^4])));
    }

    [Test]
    public void Rollback_to_a_version_warns_about_the_data_each_step_loses()
    {
        using var database = TemplateDatabases.At(Latest);

        var run = Fm.Run("rollback", "to", "20260106120000", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(20260106120000)));
        Assert.That(run.Error, Does.Contain("warning: 20260123000000 add_api_keys (down) loses data: the table api_keys is dropped"));
    }

    [Test]
    public void Rollback_all_leaves_nothing()
    {
        using var database = TemplateDatabases.At(Latest);

        var run = Fm.Run("rollback", "all", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.Catalog(), Is.Empty);
        Assert.That(database.RecordedVersions(), Is.Empty);
    }

    [Test]
    public void List_migrations_shows_applied_with_their_time_and_pending()
    {
        using var database = TemplateDatabases.At(20260106130000);

        var run = Fm.Run("list", "migrations", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Count(l => l.Contains(" applied ")), Is.EqualTo(11));
        Assert.That(lines.Count(l => l.Contains(" pending ")), Is.EqualTo(Golden.Versions.Count - 11));
        Assert.That(lines.Single(l => l.StartsWith("20251211112932")), Does.Match(@"^20251211112932\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+applied\s+init"));
        Assert.That(lines.Single(l => l.StartsWith("20260211120000")), Does.Match(@"^20260211120000\s+pending\s+add_user_id_to_trading_signals"));
        Assert.That(run.Output, Does.Contain($"11 applied, {Golden.Versions.Count - 11} pending."));
    }

    [Test]
    public void Validate_versions_passes_in_order_and_fails_on_a_gap()
    {
        using var database = TemplateDatabases.At(20251221000651);
        Assert.That(Fm.Run("validate", "versions", "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));

        database.Execute("DELETE FROM \"VersionInfo\" WHERE \"Version\" = 20251213231745");
        var run = Fm.Run("validate", "versions", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ValidationFailed), run.ToString());
        Assert.That(run.Error, Does.Contain("Migration 20251213231745 add_swap_payload is pending but later versions are already applied"));
    }

    [Test]
    public void Preview_prints_the_sql_and_writes_it_to_a_file_without_touching_the_database()
    {
        using var database = TestDatabase.Create();
        var file = Path.Combine(Path.GetTempPath(), $"fm-preview-{Guid.NewGuid():N}.sql");
        try
        {
            var run = Fm.Run("migrate", "--preview", "-o", file, "-c", database.ConnectionString);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.That(File.ReadAllText(file), Does.Contain("CREATE TYPE \"TransactionType\" AS ENUM ('DEPOSIT', 'WITHDRAWAL', 'SWAP', 'BURN');")
                .And.Contain("CREATE TABLE \"public\".\"api_keys\""));
            Assert.That(database.Scalar<long>("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"), Is.Zero);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Preview_of_a_deploy_creates_nothing_not_even_the_version_table()
    {
        using var database = TestDatabase.Create();
        var file = Path.Combine(Path.GetTempPath(), $"fm-deploy-{Guid.NewGuid():N}.sql");
        try
        {
            var run = Fm.Run("deploy", "--preview", "-o", file, "-c", database.ConnectionString);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.That(File.ReadAllText(file), Does.Contain("ALTER TABLE \"public\".\"trading_signals\" DROP COLUMN \"price_sol\";"));
            Assert.That(run.Error, Does.Not.Contain("loses data"), "on an empty database, the column dropped is in a table created empty in the same run");
            Assert.That(database.Scalar<long>("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"), Is.Zero);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Preview_of_a_rollback_prints_the_down_sql_and_changes_nothing()
    {
        using var database = TemplateDatabases.At(Golden.Latest);

        var run = Fm.Run("rollback", "to", "20260208120000", "--preview", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Does.Contain("DROP INDEX \"public\".\"trading_signals_user_id_idx\"").And.Contain("DROP COLUMN \"network_fee_sol\""));
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
    }

    [Test]
    public void List_migrations_as_json()
    {
        using var database = TemplateDatabases.At(20251213231745);

        var run = Fm.Run("list", "migrations", "--json", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var statuses = json.RootElement.EnumerateArray().Select(m => m.GetProperty("status").GetString()).ToList();
        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat("applied", 3).Concat(Enumerable.Repeat("pending", Golden.Versions.Count - 3))));
    }

    [Test]
    public void Any_fluentmigrator_assembly_can_be_given_with_dash_a()
    {
        using var database = TestDatabase.Create();
        var assembly = Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.SampleMigrations.dll");

        var up = Fm.Run("migrate", "-a", assembly, "-c", database.ConnectionString);
        var list = Fm.Run("list", "migrations", "-a", assembly, "-c", database.ConnectionString);

        Assert.That(up.ExitCode, Is.EqualTo(ExitCodes.Success), up.ToString());
        Assert.That(database.Catalog(), Does.Contain("col notes.body character varying(50) not null").And.Not.Contain("col notes.author character varying(100)"));
        Assert.That(list.Output, Does.Contain("5 applied, 0 pending."));
        Assert.That(Fm.Run("rollback", "all", "-a", assembly, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(database.Catalog(), Is.Empty);
    }
}

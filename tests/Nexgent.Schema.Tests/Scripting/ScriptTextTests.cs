using System.Text.RegularExpressions;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Scripting;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;
using Features = Nexgent.Schema.Tests.FluentMigratorFeatures.CreateEvents;
using LintTrades = Nexgent.Schema.Tests.LintMigrations.CreateTrades;
using OnlineTrades = Nexgent.Schema.Tests.OnlineMigrations.CreateTrades;

namespace Nexgent.Schema.Tests.Scripting;

/// <summary>
/// The text of a script, written with no database (nothing connects): its header, its guards, names quoted, and what it
/// refuses to write. Pure logic: no server.
/// </summary>
public sealed class ScriptTextTests
{
    private const long IndexedConcurrently = 20320102000000;

    [Test]
    public void The_header_says_the_script_is_for_psql_how_to_run_it_and_what_it_expects()
    {
        var script = Scripts.Write();
        var lines = script.Sql.Split('\n');

        Assert.That(lines[0], Is.EqualTo($"-- dotnet fm script: 18 migration(s) up on schema \"public\", from version 0 to version {Golden.Latest}."));
        Assert.That(lines[1..19], Is.EqualTo(Golden.Versions.Select(v => $"--     {v} {Golden.Migrations.Description(v)}")));
        Assert.That(script.Sql, Does.Contain("-- For psql only (it uses psql's \\set, \\if and \\gset; psql 10 or later). Run it as it is, on the database:\n--     psql -v ON_ERROR_STOP=1 -f THIS_FILE")
            .And.Contain("-- It expects the database at version 0, and stops, having changed nothing, when it is at another."));
        Assert.That(lines, Does.Contain("\\set ON_ERROR_STOP on").And.Contain("\\connect -reuse-previous=on 'options=''-c lock_timeout=5000ms'''"));
        Assert.That(script.Sql, Does.Contain("  IF at <> 0 THEN\n    RAISE EXCEPTION USING MESSAGE = 'This script takes schema \"public\" from version 0 to "));
        Assert.That(script.Sql, Does.Not.Contain("\\if :fm_done"), "not idempotent: no guard");
        Assert.That(script.Steps.Select(s => s.Version), Is.EqualTo(Golden.Versions));
    }

    [Test]
    public void Each_migration_runs_in_its_transaction_under_the_step_lock_with_its_version_and_journal_rows()
    {
        var script = Scripts.Write(from: 20260131160000);

        var block = Block(script, 20260208120000);

        Assert.That(block, Is.EqualTo(new[]
        {
            "-- 20260208120000 add_tp_batch_fields (up): in a transaction of its own.",
            "\\echo '20260208120000 add_tp_batch_fields (up)'",
            "BEGIN;",
            "DO $fm$",
            "BEGIN",
            $"  IF NOT pg_catalog.pg_try_advisory_xact_lock({MigrationLock.StepKeyFor("public")}) THEN",
            "    RAISE EXCEPTION USING MESSAGE = 'Another runner is running a migration on schema \"public\", though this script holds the migration lock (that runner lost its own); nothing of 20260208120000 add_tp_batch_fields (up) ran: once it has finished, check dotnet fm status and write a script from the version it shows.';",
            "  END IF;",
            "END",
            "$fm$;",
            "ALTER TABLE \"public\".\"agent_positions\" ADD \"tp_batch_start_level\" integer NOT NULL DEFAULT 0;",
            "ALTER TABLE \"public\".\"agent_positions\" ADD \"total_take_profit_levels\" integer;",
            "INSERT INTO \"public\".\"VersionInfo\" (\"Version\",\"AppliedOn\",\"Description\") VALUES (20260208120000,(now() at time zone 'UTC'),'add_tp_batch_fields');",
            $"INSERT INTO \"public\".\"VersionJournal\" (\"Version\", \"Checksum\", \"State\", \"Error\", \"UpdatedOn\") VALUES (20260208120000, '{Checksum(20260208120000)}', 'applied', NULL, now())",
            "ON CONFLICT (\"Version\") DO UPDATE SET \"Checksum\" = coalesce(EXCLUDED.\"Checksum\", \"public\".\"VersionJournal\".\"Checksum\"),",
            "    \"State\" = EXCLUDED.\"State\", \"Error\" = EXCLUDED.\"Error\", \"UpdatedOn\" = now();",
            "COMMIT;",
        }));
    }

    [Test]
    public void An_idempotent_script_reads_the_version_table_under_the_locks_and_checks_no_version()
    {
        var script = Scripts.Write(from: 20260131160000, idempotent: true);

        var block = Block(script, 20260211120000);

        Assert.That(block[..3], Is.EqualTo(new[] { "-- 20260211120000 add_user_id_to_trading_signals (up): in a transaction of its own.", "\\echo '20260211120000 add_user_id_to_trading_signals (up)'", "BEGIN;" }));
        Assert.That(block[10..14], Is.EqualTo(new[]
        {
            "SELECT EXISTS (SELECT 1 FROM \"public\".\"VersionInfo\" WHERE \"Version\" = 20260211120000) AS fm_done \\gset",
            "\\if :fm_done",
            "\\echo '20260211120000 add_user_id_to_trading_signals (up): already applied, skipped.'",
            "\\else",
        }));
        Assert.That(block[^2..], Is.EqualTo(new[] { "\\endif", "COMMIT;" }));
        Assert.That(script.Sql, Does.Not.Contain("IF at <>"), "an idempotent script runs on a database at any version");
        Assert.That(script.Sql, Does.Contain("-- Idempotent: each migration runs only when the version table says it is not applied"));
    }

    [Test]
    public void A_mixed_case_schema_is_quoted_where_names_go_and_escaped_where_values_go()
    {
        const string schema = "Trading \"Desk\"'s";

        var script = Scripts.Write(from: 20260208140000, schema: schema);

        const string quoted = "\"Trading \"\"Desk\"\"'s\"";
        Assert.That(script.Sql, Does.Contain($"SELECT pg_catalog.set_config('search_path', '{quoted.Replace("'", "''")}', false) AS fm_search_path \\gset"));
        Assert.That(script.Sql, Does.Contain($"pg_catalog.pg_try_advisory_lock({MigrationLock.KeyFor(schema)})"));
        Assert.That(script.Sql, Does.Contain($"  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'Trading \"Desk\"''s') THEN\n    CREATE SCHEMA {quoted};"));
        Assert.That(script.Sql, Does.Contain($"SELECT pg_catalog.to_regclass('{quoted.Replace("'", "''")}.\"VersionInfo\"') IS NULL AS fm_version_table_missing,"));
        Assert.That(script.Sql, Does.Contain($"CREATE TABLE {quoted}.\"VersionInfo\" (\"Version\" bigint NOT NULL);"));
        Assert.That(script.Sql, Does.Contain($"CREATE UNIQUE INDEX \"UC_Version\" ON {quoted}.\"VersionInfo\" (\"Version\" ASC);"));
        Assert.That(script.Sql, Does.Contain($"ALTER TABLE {quoted}.\"trading_signals\" ADD \"user_id\" uuid;"));
        Assert.That(script.Sql, Does.Contain($"INSERT INTO {quoted}.\"VersionJournal\" (\"Version\""));
        Assert.That(script.Sql, Does.Contain("RAISE EXCEPTION USING MESSAGE = 'This script takes schema \"Trading \"\"Desk\"\"''s\" from version 20260208140000"));
        Assert.That(script.Schema, Is.EqualTo(schema));
    }

    [Test]
    public void A_down_script_runs_the_downs_newest_first_deleting_the_version_rows_and_marking_the_journal_rolled_back()
    {
        var target = Golden.Versions[^4];

        var script = Scripts.Write(to: target, down: true);

        var undone = Golden.Versions.Where(v => v > target).Reverse().ToList();
        Assert.That(script.Steps.Select(s => s.Version), Is.EqualTo(undone));
        Assert.That(script.Sql.Split('\n')[0], Is.EqualTo($"-- dotnet fm script: the rollback of 3 migration(s) on schema \"public\", from version {Golden.Latest} to version {target}."));
        var block = Block(script, Golden.Latest);
        Assert.That(block[0], Is.EqualTo($"-- {Golden.Latest} add_user_id_to_trading_signals (down): in a transaction of its own."));
        Assert.That(block[^5..], Is.EqualTo(new[]
        {
            $"DELETE FROM \"public\".\"VersionInfo\" WHERE \"Version\" = {Golden.Latest};",
            $"INSERT INTO \"public\".\"VersionJournal\" (\"Version\", \"Checksum\", \"State\", \"Error\", \"UpdatedOn\") VALUES ({Golden.Latest}, NULL, 'rolledback', NULL, now())",
            "ON CONFLICT (\"Version\") DO UPDATE SET \"Checksum\" = coalesce(EXCLUDED.\"Checksum\", \"public\".\"VersionJournal\".\"Checksum\"),",
            "    \"State\" = EXCLUDED.\"State\", \"Error\" = EXCLUDED.\"Error\", \"UpdatedOn\" = now();",
            "COMMIT;",
        }));
        Assert.That(script.Sql, Does.Contain($"-- Loses data: trading_signals.user_id is dropped"));
    }

    [Test]
    public void A_migration_outside_a_transaction_writes_running_before_its_statements_and_applied_after_under_the_session_step_lock()
    {
        var script = Scripts.Write(from: 20320101000000, to: IndexedConcurrently, assembly: typeof(OnlineTrades).Assembly);

        var block = Block(script, IndexedConcurrently);

        var stepKey = MigrationLock.StepKeyFor("public");
        Assert.That(block[0], Does.EndWith("(up): outside a transaction (TransactionBehavior.None), each statement on its own."));
        Assert.That(block, Does.Not.Contain("BEGIN;").And.Not.Contain("COMMIT;"));
        Assert.That(block[4], Is.EqualTo($"  IF NOT pg_catalog.pg_try_advisory_lock({stepKey}) THEN"));
        var running = Array.FindIndex(block, l => l.Contains("VALUES (20320102000000, NULL, 'running', NULL, now())"));
        var index = Array.FindIndex(block, l => l.StartsWith("CREATE UNIQUE INDEX CONCURRENTLY \"trades_ref_key\""));
        var version = Array.FindIndex(block, l => l.StartsWith("INSERT INTO \"public\".\"VersionInfo\""));
        var applied = Array.FindIndex(block, l => l.Contains("VALUES (20320102000000, '") && l.Contains("', 'applied', NULL, now())"));
        Assert.That(new[] { running, index, version, applied }, Is.Ordered.And.All.GreaterThan(0), string.Join('\n', block));
        Assert.That(block[^5..], Is.EqualTo(new[] { "DO $fm$", "BEGIN", $"  PERFORM pg_catalog.pg_advisory_unlock({stepKey});", "END", "$fm$;" }));
    }

    [Test]
    public void Code_run_against_the_connection_is_refused_naming_the_migration()
    {
        var refused = Assert.Throws<SchemaRunnerException>(() => Scripts.Write(assembly: typeof(Features).Assembly, configure: o => o.Tags.Add("connection")));

        Assert.That(refused!.Message, Is.EqualTo("Migration 5 StampEventsWithConnection runs code against the connection (Execute.WithConnection) in its Up, which has no SQL a script can hold; apply it with the runner instead. Nothing was written."));
    }

    [Test]
    public void Maintenance_migrations_and_profiles_are_refused_as_they_run_on_every_run_and_are_recorded_nowhere()
    {
        var maintenance = Assert.Throws<SchemaRunnerException>(() => Scripts.Write(assembly: typeof(Features).Assembly));
        var profile = Assert.Throws<SchemaRunnerException>(() => Scripts.Write(assembly: typeof(OnlineTrades).Assembly, configure: o => o.Profile = "seed"));
        var down = Scripts.Write(to: 0, down: true, assembly: typeof(Features).Assembly, configure: o => o.Tags.Add("eu"));

        Assert.That(maintenance!.Message, Is.EqualTo("The assemblies hold maintenance migrations (LogBeforeAll, LogBeforeEach, LogAfterEach, LogBeforeProfiles, LogAfterAll), which run around every run up and are recorded nowhere, so a script cannot carry them; apply these migrations with the runner instead. Nothing was written."));
        Assert.That(profile!.Message, Does.StartWith("A script carries no profile ('seed'): a profile runs on every run up and is recorded nowhere"));
        Assert.That(down.Steps.Select(s => s.Version), Is.EqualTo(new long[] { 2, 1 }), "a rollback runs no maintenance migration, as the runner's does not");
    }

    [Test]
    public void What_a_run_would_refuse_a_script_refuses()
    {
        Assert.That(() => Scripts.Write(assembly: typeof(Features).Assembly, configure: o => o.Tags.Add("breaking")),
            Throws.TypeOf<BreakingChangeRefusedException>());
        Assert.That(() => Scripts.Write(to: 20360105000000, down: true, assembly: typeof(LintTrades).Assembly),
            Throws.TypeOf<IrreversibleMigrationException>().With.Message.StartsWith("Migration 20360106000000 uppercase_symbols cannot be rolled back"));
        Assert.That(() => Scripts.Write(assembly: typeof(OnlineTrades).Assembly, configure: o => o.Tags.Add("mistaken")),
            Throws.TypeOf<SchemaRunnerException>().With.Message.StartsWith("Migration 20321201000000 index_trades_in_a_transaction (up) runs DROP INDEX CONCURRENTLY and CREATE INDEX CONCURRENTLY"));
    }

    [Test]
    public void A_range_must_name_known_versions_in_the_direction_of_the_script()
    {
        Assert.That(() => Scripts.Write(from: 12345), Throws.TypeOf<UnknownVersionException>());
        Assert.That(() => Scripts.Write(from: Golden.Latest), Throws.TypeOf<SchemaRunnerException>().With.Message.EqualTo(
            $"A script up goes from the version the database is at to a later one, and {Golden.Latest} is not after {Golden.Latest}; give a later end, or roll back instead."));
        Assert.That(() => Scripts.Write(from: Golden.Versions[2], to: Golden.Versions[5], down: true), Throws.TypeOf<SchemaRunnerException>().With.Message.StartsWith(
            "A script that rolls back goes from the version the database is at to an earlier one"));
        Assert.That(() => Scripts.Write(down: true), Throws.TypeOf<SchemaRunnerException>().With.Message.EqualTo(
            "A script that rolls back needs the version to roll back to (0 for none); give it as its end."));
    }

    [Test]
    public void Psql_text_is_written_so_that_psql_reads_it_as_meant()
    {
        Assert.That(Psql.Literal("it's"), Is.EqualTo("'it''s'"));
        Assert.That(Psql.Literal("C:\\dir's"), Is.EqualTo("E'C:\\\\dir''s'"), "the same with or without standard_conforming_strings");
        Assert.That(Psql.Terminated("SELECT 1;  \n"), Is.EqualTo("SELECT 1;"));
        Assert.That(Psql.Terminated("SELECT 1"), Is.EqualTo("SELECT 1;"));
        Assert.That(Psql.Terminated("SELECT 1 -- one"), Is.EqualTo("SELECT 1 -- one\n;"), "a comment would swallow the semicolon");
        Assert.That(Psql.Do("SELECT '$fm$'"), Is.EqualTo("DO $fm1$\nSELECT '$fm$'\n$fm1$;"));
        Assert.That(Psql.Echo("it's C:\\ `rm -rf` :name\nnext"), Is.EqualTo("\\echo 'it''s C:\\\\ `rm -rf` :name next'"), "quoted: no variable, no command");
        Assert.That(Psql.Comment("one\r\ntwo"), Is.EqualTo("-- one two"));
    }

    [Test]
    public void The_script_file_is_utf8_without_a_byte_order_mark_and_a_file_that_cannot_be_written_is_one_sentence()
    {
        var script = Scripts.Write(from: Golden.Versions[^2]);
        var file = Path.Combine(Path.GetTempPath(), $"fm-script-{Guid.NewGuid():N}.sql");
        try
        {
            script.WriteTo(file);

            var bytes = File.ReadAllBytes(file);
            Assert.That(bytes[..3], Is.EqualTo("-- "u8.ToArray()));
            Assert.That(File.ReadAllText(file), Is.EqualTo(script.Sql));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.That(() => script.WriteTo(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.sql")),
            Throws.TypeOf<SqlOutputFileException>());
    }

    /// <summary>The lines of one migration's block: from its comment to the line before the next blank one.</summary>
    private static string[] Block(MigrationScript script, long version)
    {
        var lines = script.Sql.Split('\n');
        var start = Array.FindIndex(lines, l => Regex.IsMatch(l, $@"^-- {version} .*\((up|down)\): "));
        Assert.That(start, Is.GreaterThan(0), $"no block for {version}");
        var end = Array.FindIndex(lines, start, string.IsNullOrEmpty);
        return lines[start..end];
    }

    private static string Checksum(long version)
    {
        using var scope = SchemaRunnerScope.Create(options =>
        {
            options.NoConnection = true;
            options.MigrationAssemblies.Add(typeof(Nexgent.Schema.Migrations.Versions.Init).Assembly);
        });
        var checksums = scope.Get<Nexgent.Schema.Runner.Journal.MigrationChecksum>();
        var migrations = scope.Get<FluentMigrator.Runner.IMigrationInformationLoader>().LoadMigrations();
        return checksums.Compute(migrations[version]);
    }
}

using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Generation;

/// <summary>
/// <c>dotnet fm new --from-db</c> as a new user tries it: a development database changed by hand, the class written
/// into their migrations project, then baseline, rollback and migrate on that database, and the class's round trip.
/// </summary>
public sealed class NewFromDatabaseTests
{
    private const string HandChanges = """
        CREATE TABLE notifications (id uuid NOT NULL, user_id uuid NOT NULL, body text NOT NULL, read boolean NOT NULL DEFAULT false,
                                    created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP, CONSTRAINT notifications_pkey PRIMARY KEY (id));
        CREATE INDEX notifications_user_id_idx ON notifications (user_id);
        ALTER TABLE notifications ADD CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE;
        ALTER TABLE agents ADD COLUMN max_positions integer NOT NULL DEFAULT 5;
        ALTER TABLE agent_transactions DROP COLUMN network_fee_sol;
        """;

    [Test]
    public void A_database_changed_by_hand_gives_a_proven_class_that_migrates_rolls_back_and_round_trips()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute(HandChanges);
        var project = Generated.NewProject(nexgentHistory: true);
        try
        {
            var run = Fm.Run("new", "add_notifications", "--from-db", database.ConnectionString, "--project", project);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            var file = Directory.GetFiles(project, "*_AddNotifications.cs").Single();
            var version = long.Parse(Path.GetFileName(file)[..14]);
            Assert.That(run.Output, Does.Contain("proven on a shadow database").And.Contain($"baseline --version {version}").And.Not.Contain("Password"));
            Assert.That(File.ReadAllText(file), Does.Contain("""
                        Create.Table("notifications")
                            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("notifications"))
                            .WithColumn("user_id").AsGuid().NotNullable()
                            .WithColumn("body").AsText().NotNullable()
                            .WithColumn("read").AsBoolean().NotNullable().WithDefaultValue(false)
                            .WithColumn("created_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp();
                        Create.IndexOn("notifications", "user_id");
                """).And.Contain("""Create.ForeignKeyOn("notifications", "user_id", "users");""")
                .And.Contain("""[LosesData(MigrationDirection.Up, "agent_transactions.network_fee_sol is dropped with its values.")]"""));

            string[] on = ["--project", project, "-c", database.ConnectionString];
            Assert.That(Fm.Run(["baseline", "--version", $"{version}", .. on]).ExitCode, Is.EqualTo(ExitCodes.Success), "the database is at the new version, as the drift check of baseline confirms");
            var rollback = Fm.Run(["rollback", .. on]);
            Assert.That(rollback.ExitCode, Is.EqualTo(ExitCodes.Success), rollback.ToString());
            Assert.That(database.Catalog(ordered: false), Is.EquivalentTo(Golden.CatalogAt(Golden.Latest)), "Down gives Nexgent's schema back");
            Assert.That(Fm.Run(["migrate", .. on]).ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(database.Scalar<bool>("SELECT to_regclass('public.notifications') IS NOT NULL"), Is.True);

            new MigrationsUnderTest(Generated.Built(project)).RoundTrip(TestServer.Current, version);
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Test]
    public void A_likely_rename_is_asked_on_a_terminal_and_otherwise_generated_as_drop_and_add_with_a_note()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("ALTER TABLE agents RENAME COLUMN trading_config TO settings");
        var project = Generated.NewProject(nexgentHistory: true);
        try
        {
            var script = Fm.Run("new", "rename_trading_config", "--from-db", database.ConnectionString, "--project", project);
            var scripted = File.ReadAllText(Directory.GetFiles(project, "*_RenameTradingConfig.cs").Single());
            File.Delete(Directory.GetFiles(project, "*_RenameTradingConfig.cs").Single());
            var asked = Fm.RunOnTerminal("y", "new", "rename_trading_config", "--from-db", database.ConnectionString, "--project", project);
            var confirmed = File.ReadAllText(Directory.GetFiles(project, "*_RenameTradingConfig.cs").Single());

            Assert.That(script.ExitCode, Is.EqualTo(ExitCodes.Success), script.ToString());
            Assert.That(script.Output, Does.Contain("note: column agents.trading_config renamed to settings? It was generated as a drop and an add, which loses the values; if it is a rename, run again with --rename agents.trading_config=settings."));
            Assert.That(scripted, Does.Contain("""Delete.Column("trading_config").FromTable("agents");"""));
            Assert.That(asked.ExitCode, Is.EqualTo(ExitCodes.Success), asked.ToString());
            Assert.That(asked.Output, Does.Contain("Is this a rename: column agents.trading_config renamed to settings? [y/N]"));
            Assert.That(confirmed, Does.Contain("""Rename.Column("trading_config").OnTable("agents").To("settings");""").And.Not.Contain("LosesData"));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Test]
    public void In_a_project_with_no_migration_yet_the_first_class_is_the_whole_schema()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        var project = Generated.NewProject(nexgentHistory: false);
        try
        {
            var run = Fm.Run("new", "init", "--from-db", database.ConnectionString, "--project", project);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.That(run.Output, Does.Contain("from the migrations at version 0").And.Contain(" more"));
            var file = Directory.GetFiles(project, "*_Init.cs").Single();
            Assert.That(File.ReadAllText(file), Does.Contain("""Execute.CreateEnumType("TransactionType", "DEPOSIT", "WITHDRAWAL", "SWAP", "BURN");"""));
            Assert.That(Fm.Run("list", "migrations", "--project", project, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success), "the class builds");
            new MigrationsUnderTest(Generated.Built(project)).RoundTrip(TestServer.Current, long.Parse(Path.GetFileName(file)[..14]));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Test]
    public void A_database_the_migrations_build_as_it_is_gives_nothing_to_generate()
    {
        using var database = TemplateDatabases.At(Golden.Latest);

        var run = Fm.Run("new", "nothing", "--from-db", database.ConnectionString, "-a", Fm.NexgentMigrations, "-d", Path.GetTempPath());

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error.Trim(), Does.Match($@"^error: \S+ \(schema public\) is what the migrations build at version {Golden.Latest}: there is nothing to generate\.$"));
    }
}

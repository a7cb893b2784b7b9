using FluentMigrator;

namespace Nexgent.Schema.Tests.FluentMigratorFeatures;

/// <summary>Each maintenance stage and the profile write a row to maintenance_log, in the order they run.</summary>
public abstract class LoggedStage(string stage) : Migration
{
    public override void Up()
    {
        Execute.Sql($"""
            CREATE TABLE IF NOT EXISTS maintenance_log (seq serial PRIMARY KEY, stage text NOT NULL);
            INSERT INTO maintenance_log (stage) VALUES ('{stage}');
            """);
    }

    public override void Down()
    {
    }
}

[Maintenance(MigrationStage.BeforeAll)]
public sealed class LogBeforeAll() : LoggedStage("BeforeAll");

[Maintenance(MigrationStage.BeforeEach)]
public sealed class LogBeforeEach() : LoggedStage("BeforeEach");

[Maintenance(MigrationStage.AfterEach)]
public sealed class LogAfterEach() : LoggedStage("AfterEach");

[Maintenance(MigrationStage.BeforeProfiles)]
public sealed class LogBeforeProfiles() : LoggedStage("BeforeProfiles");

[Maintenance(MigrationStage.AfterAll)]
public sealed class LogAfterAll() : LoggedStage("AfterAll");

[Profile("seed")]
public sealed class SeedProfile() : LoggedStage("Profile seed");

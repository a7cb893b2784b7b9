// [Maintenance] migrations of every stage (one outside a transaction), each writing a row to maintenance_log in the
// order they run, around two versioned migrations.
using FluentMigrator;

namespace Compat.Maintained;

[Migration(1, "CreateNotes")]
public sealed class CreateNotes : Migration
{
    public override void Up()
    {
        Create.Table("notes").WithColumn("id").AsInt32().NotNullable().PrimaryKey();
    }

    public override void Down()
    {
        Delete.Table("notes");
    }
}

[Migration(2, "AddNotesBody")]
public sealed class AddNotesBody : Migration
{
    public override void Up()
    {
        Alter.Table("notes").AddColumn("body").AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
        Delete.Column("body").FromTable("notes");
    }
}

public abstract class LoggedStage(string stage) : Migration
{
    public override void Up()
    {
        Execute.Sql($"CREATE TABLE IF NOT EXISTS maintenance_log (seq serial PRIMARY KEY, stage text NOT NULL); INSERT INTO maintenance_log (stage) VALUES ('{stage}');");
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

[Maintenance(MigrationStage.AfterAll, TransactionBehavior.None)]
public sealed class LogAfterAllWithoutTransaction() : LoggedStage("AfterAll without transaction");

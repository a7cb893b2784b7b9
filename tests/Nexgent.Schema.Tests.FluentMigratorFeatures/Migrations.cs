using FluentMigrator;

namespace Nexgent.Schema.Tests.FluentMigratorFeatures;

/// <summary>Untagged: runs with or without --tag.</summary>
[Migration(1, "CreateEvents")]
public sealed class CreateEvents : Migration
{
    public override void Up()
    {
        Create.Table("events")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey("events_pkey")
            .WithColumn("name").AsString(50).Nullable();
    }

    public override void Down()
    {
        Delete.Table("events");
    }
}

/// <summary>Runs only with --tag eu.</summary>
[Migration(2, "AddEventsSource")]
[Tags("eu")]
public sealed class AddEventsSource : Migration
{
    public override void Up()
    {
        Alter.Table("events").AddColumn("source").AsString(20).Nullable();
    }

    public override void Down()
    {
        Delete.Column("source").FromTable("events");
    }
}

/// <summary>Runs only with --tag us.</summary>
[Migration(3, "AddEventsRegion")]
[Tags("us")]
public sealed class AddEventsRegion : Migration
{
    public override void Up()
    {
        Alter.Table("events").AddColumn("region").AsString(20).Nullable();
    }

    public override void Down()
    {
        Delete.Column("region").FromTable("events");
    }
}

/// <summary>Runs only with --tag breaking, and then only with --allow-breaking-changes.</summary>
[Migration(4, "DropEventsName", BreakingChange = true)]
[Tags("breaking")]
public sealed class DropEventsName : Migration
{
    public override void Up()
    {
        Delete.Column("name").FromTable("events");
    }

    public override void Down()
    {
        Alter.Table("events").AddColumn("name").AsString(50).Nullable();
    }
}

/// <summary>
/// Runs only with --tag connection: code run against the connection (Execute.WithConnection), which has no SQL, so
/// `dotnet fm script` refuses it.
/// </summary>
[Migration(5, "StampEventsWithConnection")]
[Tags("connection")]
public sealed class StampEventsWithConnection : Migration
{
    public override void Up()
    {
        Execute.WithConnection((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE events SET name = 'stamped' WHERE name IS NULL";
            command.ExecuteNonQuery();
        });
    }

    public override void Down()
    {
        Execute.Sql("UPDATE events SET name = NULL WHERE name = 'stamped'");
    }
}

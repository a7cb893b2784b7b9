// [Migration(..., TransactionBehavior.None)]: CREATE INDEX CONCURRENTLY, which PostgreSQL refuses in a transaction.
using FluentMigrator;

namespace Compat.NoTransaction;

[Migration(1, "CreateEvents")]
public sealed class CreateEvents : Migration
{
    public override void Up()
    {
        Create.Table("events")
            .WithColumn("id").AsInt64().NotNullable().PrimaryKey()
            .WithColumn("kind").AsString(30).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("events");
    }
}

[Migration(2, TransactionBehavior.None, "IndexEventsKindConcurrently")]
public sealed class IndexEventsKindConcurrently : Migration
{
    public override void Up()
    {
        Execute.Sql("CREATE INDEX CONCURRENTLY ix_events_kind ON events (kind)");
    }

    public override void Down()
    {
        Execute.Sql("DROP INDEX CONCURRENTLY ix_events_kind");
    }
}

[Migration(3, "AddEventsPayload")]
public sealed class AddEventsPayload : Migration
{
    public override void Up()
    {
        Alter.Table("events").AddColumn("payload").AsCustom("jsonb").Nullable();
    }

    public override void Down()
    {
        Delete.Column("payload").FromTable("events");
    }
}

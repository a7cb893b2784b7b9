using System.Data;
using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20260211120000, "add_user_id_to_trading_signals")]
[LosesData(MigrationDirection.Down, "trading_signals.user_id is dropped: signals no longer say which user they belong to.")]
public sealed class AddUserIdToTradingSignals : Migration
{
    public override void Up()
    {
        Alter.Table("trading_signals").AddColumn("user_id").AsGuid().Nullable();
        Create.ForeignKeyOn("trading_signals", "user_id", "users", onDelete: Rule.SetNull);
        Create.IndexOn("trading_signals", "user_id");
    }

    public override void Down()
    {
        Delete.IndexOn("trading_signals", "user_id");
        Delete.ForeignKeyOn("trading_signals", "user_id");
        Delete.Column("user_id").FromTable("trading_signals");
    }
}

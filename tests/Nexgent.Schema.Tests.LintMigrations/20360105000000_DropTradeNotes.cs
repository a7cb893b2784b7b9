using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.LintMigrations;

/// <summary>A column dropped while the running release may still read it.</summary>
[Migration(20360105000000, "drop_trade_notes")]
[LosesData(MigrationDirection.Up, "trades.note is dropped with its values.")]
public sealed class DropTradeNotes : Migration
{
    public override void Up()
    {
        Delete.Column("note").FromTable("trades");
    }

    public override void Down()
    {
        Alter.Table("trades").AddColumn("note").AsText().Nullable();
    }
}

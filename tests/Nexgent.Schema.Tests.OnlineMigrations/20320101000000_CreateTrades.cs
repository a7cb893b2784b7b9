using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.OnlineMigrations;

/// <summary>The live tables the later migrations change: trades of accounts, with a mixed-case column as Prisma writes them.</summary>
[Migration(20320101000000, "create_trades")]
[LosesData(MigrationDirection.Down, "the tables trades and accounts are dropped with their rows.")]
public sealed class CreateTrades : Migration
{
    public override void Up()
    {
        Create.Table("accounts")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("accounts"));
        Create.Table("trades")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("trades"))
            .WithColumn("accountId").AsInt32().NotNullable()
            .WithColumn("ref").AsString(20).NotNullable()
            .WithColumn("amount").AsDecimal(12, 2).NotNullable()
            .WithColumn("fee").AsDecimal(12, 2).Nullable();
    }

    public override void Down()
    {
        Delete.Table("trades");
        Delete.Table("accounts");
    }
}

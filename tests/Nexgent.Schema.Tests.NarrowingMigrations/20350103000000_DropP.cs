using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.NarrowingMigrations;

/// <summary>Down brings p back empty, before widen_prices' Down narrows it: there is nothing of p to check now.</summary>
[Migration(20350103000000, "drop_p")]
[LosesData(MigrationDirection.Up, "prices.p is dropped with its values.")]
public sealed class DropP : Migration
{
    public override void Up() => Delete.Column("p").FromTable("prices");

    public override void Down() => Alter.Table("prices").AddColumn("p").AsDecimal(30, 18).Nullable();
}

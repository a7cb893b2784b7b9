using FluentMigrator;

namespace Nexgent.Schema.Tests.LossyMigrations;

/// <summary>Changes a type with FluentMigrator's Alter.Column: numeric(20,8) to numeric(12,2) rounds every amount.</summary>
[Migration(20340103000000, "round_amounts")]
public sealed class RoundAmounts : Migration
{
    public override void Up() => Alter.Column("amount").OnTable("orders").AsDecimal(12, 2).NotNullable();

    public override void Down() => Alter.Column("amount").OnTable("orders").AsDecimal(20, 8).NotNullable();
}

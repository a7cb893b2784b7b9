using FluentMigrator;

namespace Nexgent.Schema.Tests.LossyMigrations;

/// <summary>Drops a column in SQL without the optional COLUMN keyword.</summary>
[Migration(20340102000000, "drop_legacy_code")]
public sealed class DropLegacyCode : Migration
{
    public override void Up() => Execute.Sql("ALTER TABLE orders DROP legacy_code;");

    public override void Down() => Alter.Table("orders").AddColumn("legacy_code").AsString(20).Nullable();
}

// An AutoReversingMigration with Insert.IntoTable, which FluentMigrator reverses by deleting the rows it inserted.
using FluentMigrator;

namespace Compat.AutoReversingInsert;

[Migration(1, "CreateCountries")]
public sealed class CreateCountries : AutoReversingMigration
{
    public override void Up()
    {
        Create.Table("countries")
            .WithColumn("code").AsFixedLengthString(2).NotNullable().PrimaryKey()
            .WithColumn("name").AsString(100).NotNullable();
    }
}

[Migration(2, "InsertCountries")]
public sealed class InsertCountries : AutoReversingMigration
{
    public override void Up()
    {
        Insert.IntoTable("countries").Row(new { code = "FR", name = "France" }).Row(new { code = "JP", name = "Japan" });
    }
}

[Migration(3, "AddCountriesCurrency")]
public sealed class AddCountriesCurrency : AutoReversingMigration
{
    public override void Up()
    {
        Alter.Table("countries").AddColumn("currency").AsFixedLengthString(3).Nullable();
    }
}

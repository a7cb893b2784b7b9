using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

/// <summary>The column the rename example starts from.</summary>
[Migration(20270101000500, "add_bio_to_users")]
[LosesData(MigrationDirection.Down, "users.bio is dropped with its values.")]
public sealed class AddBioToUsers : Migration
{
    public override void Up()
    {
        Alter.Table("users").AddColumn("bio").AsText().Nullable();
    }

    public override void Down()
    {
        Delete.Column("bio").FromTable("users");
    }
}

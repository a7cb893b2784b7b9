using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Examples;

/// <summary>
/// users.preferences (example 4) made required while users sign up and save settings: filled 1000 rows at a time, then
/// SET NOT NULL through a validated check. Outside a transaction, each statement commits as it ends.
/// </summary>
[Migration(20270101000900, TransactionBehavior.None, "require_users_preferences")]
[NoDataLoss(MigrationDirection.Up, "fills users.preferences only where it is NULL.")]
public sealed class RequireUsersPreferences : Migration
{
    public override void Up()
    {
        Execute.BackfillInBatches("users", "preferences = '{}'", "preferences IS NULL", batchSize: 1000, pause: TimeSpan.FromMilliseconds(100));
        Execute.SetNotNullOnline("users", "preferences");
    }

    public override void Down()
    {
        Execute.DropNotNull("users", "preferences");
    }
}

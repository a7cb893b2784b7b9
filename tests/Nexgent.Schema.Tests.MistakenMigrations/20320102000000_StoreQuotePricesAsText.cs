using FluentMigrator;

namespace Nexgent.Schema.Tests.MistakenMigrations;

/// <summary>
/// Its Down, the half nobody runs before it is needed, calls round() on what is now text: PostgreSQL names the
/// function that does not exist, hints at a cast, and gives the position of the call in the second statement.
/// </summary>
[Migration(20320102000000, "store_quote_prices_as_text")]
public sealed class StoreQuotePricesAsText : Migration
{
    public override void Up()
    {
        Execute.Sql("ALTER TABLE quotes ALTER COLUMN price TYPE text;");
    }

    public override void Down()
    {
        Execute.Sql("""
            UPDATE quotes SET price = trim(price);
            ALTER TABLE quotes
                ALTER COLUMN price TYPE numeric(20,8) USING round(price, 8);
            """);
    }
}

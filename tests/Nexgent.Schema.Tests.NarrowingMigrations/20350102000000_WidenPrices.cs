using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Tests.NarrowingMigrations;

/// <summary>Down narrows every column back behind <c>NarrowNumeric</c>'s guards.</summary>
[Migration(20350102000000, "widen_prices")]
public sealed class WidenPrices : Migration
{
    public override void Up()
    {
        Execute.WidenNumeric("prices", 30, 18, "p", "q");
        Execute.WidenNumeric("quotes", 30, 18, "v");
    }

    public override void Down()
    {
        Execute.NarrowNumeric("quotes", 20, 8, "v");
        Execute.NarrowNumeric("prices", 20, 8, "p", "q");
    }
}

using FluentMigrator;

namespace Nexgent.Schema.Tests.LintMigrations;

/// <summary>
/// A trigger, which lint does not read (CREATE TRIGGER takes SHARE ROW EXCLUSIVE on trades): a statement reported as not
/// analysed, no hazard. Creating the function runs nothing.
/// </summary>
[Migration(20360107000000, "uppercase_new_symbols")]
public sealed class UppercaseNewSymbols : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE FUNCTION trades_upper_symbol() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.symbol := upper(NEW.symbol);
              RETURN NEW;
            END
            $$;
            CREATE TRIGGER trades_upper_symbol BEFORE INSERT OR UPDATE ON trades FOR EACH ROW EXECUTE FUNCTION trades_upper_symbol();
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TRIGGER trades_upper_symbol ON trades; DROP FUNCTION trades_upper_symbol();");
    }
}

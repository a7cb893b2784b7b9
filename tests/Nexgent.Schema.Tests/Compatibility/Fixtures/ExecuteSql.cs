// Execute.Sql with what FluentMigrator's expressions cannot say: an enum type, a function with dollar quotes and
// semicolons, a trigger, a view, a sequence.
using FluentMigrator;

namespace Compat.RawSql;

[Migration(1, "CreateTickets")]
public sealed class CreateTickets : Migration
{
    public override void Up()
    {
        Execute.Sql("CREATE TYPE ticket_state AS ENUM ('open', 'closed');");
        Execute.Sql("""
            CREATE SEQUENCE ticket_numbers START 1000;
            CREATE TABLE tickets (
                id integer PRIMARY KEY DEFAULT nextval('ticket_numbers'),
                state ticket_state NOT NULL DEFAULT 'open',
                title text NOT NULL,
                updated_at timestamptz
            );
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP TABLE tickets; DROP SEQUENCE ticket_numbers; DROP TYPE ticket_state;");
    }
}

[Migration(2, "TouchTicketsOnUpdate")]
public sealed class TouchTicketsOnUpdate : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.updated_at := now(); -- a comment; with a semicolon
                RETURN NEW;
            END;
            $$;
            CREATE TRIGGER tickets_touch BEFORE UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
            CREATE VIEW open_tickets AS SELECT id, title FROM tickets WHERE state = 'open';
            """);
    }

    public override void Down()
    {
        Execute.Sql("DROP VIEW open_tickets; DROP TRIGGER tickets_touch ON tickets; DROP FUNCTION touch_updated_at();");
    }
}

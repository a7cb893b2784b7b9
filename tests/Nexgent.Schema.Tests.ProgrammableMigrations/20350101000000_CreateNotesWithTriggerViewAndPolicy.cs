using FluentMigrator;

namespace Nexgent.Schema.Tests.ProgrammableMigrations;

/// <summary>A table with a trigger function and its trigger, a view over it, row-level security and one policy.</summary>
[Migration(20350101000000, "create_notes_with_trigger_view_and_policy")]
public sealed class CreateNotesWithTriggerViewAndPolicy : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TABLE notes (
                id integer PRIMARY KEY,
                owner_name text NOT NULL,
                body text NOT NULL,
                updated_at timestamp with time zone NOT NULL DEFAULT now()
            );

            CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.updated_at := now();
                RETURN NEW;
            END
            $$;

            CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

            CREATE VIEW recent_notes AS
                SELECT id, owner_name, body FROM notes WHERE updated_at > now() - interval '7 days';

            ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
            CREATE POLICY notes_owner ON notes USING (owner_name = current_user);
            """);
    }

    public override void Down()
    {
        Execute.Sql("""
            DROP VIEW recent_notes;
            DROP TABLE notes;
            DROP FUNCTION touch_updated_at();
            """);
    }
}

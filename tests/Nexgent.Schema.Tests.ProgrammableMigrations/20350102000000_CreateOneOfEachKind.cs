using FluentMigrator;

namespace Nexgent.Schema.Tests.ProgrammableMigrations;

/// <summary>
/// One object of each kind pg_dump prints and a person could change by hand: an enum, a domain, a sequence with its
/// own options, a table with an identity, a generated column, a default from the sequence, constraints of each kind and
/// a comment, a partial index with INCLUDE, a table with a serial, an inheriting table, a partitioned table with two
/// partitions and one with none, a materialized view and a rule.
/// </summary>
[Migration(20350102000000, "create_one_of_each_kind")]
public sealed class CreateOneOfEachKind : Migration
{
    public override void Up()
    {
        Execute.Sql("""
            CREATE TYPE mood AS ENUM ('calm', 'busy');
            CREATE DOMAIN positive_amount AS numeric(12,2) CHECK (VALUE > 0);
            CREATE SEQUENCE ticket_numbers START WITH 100 INCREMENT BY 10;

            CREATE TABLE tags (
                id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                label text NOT NULL,
                label_length integer GENERATED ALWAYS AS (length(label)) STORED,
                description text,
                mood mood NOT NULL DEFAULT 'calm',
                price positive_amount,
                ticket bigint DEFAULT nextval('ticket_numbers'),
                CONSTRAINT tags_label_key UNIQUE (label),
                CONSTRAINT tags_label_not_blank CHECK (label <> '')
            );
            COMMENT ON TABLE tags IS 'Labels a note can carry.';

            CREATE TABLE note_tags (
                note_id integer NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
                tag_id integer NOT NULL REFERENCES tags (id),
                PRIMARY KEY (note_id, tag_id)
            );

            CREATE INDEX notes_recent ON notes USING btree (updated_at) INCLUDE (owner_name) WHERE body <> '';

            CREATE TABLE bookings (id serial, room integer NOT NULL, during tsrange NOT NULL);

            CREATE TABLE events (id bigint NOT NULL, happened_at timestamp with time zone NOT NULL);
            CREATE TABLE audit_events (actor text) INHERITS (events);

            CREATE TABLE readings (taken_on date NOT NULL, value numeric) PARTITION BY RANGE (taken_on);
            CREATE TABLE readings_2030 PARTITION OF readings FOR VALUES FROM ('2030-01-01') TO ('2031-01-01');
            CREATE TABLE readings_2031 PARTITION OF readings FOR VALUES FROM ('2031-01-01') TO ('2032-01-01');
            CREATE TABLE samples (taken_on date NOT NULL, value numeric) PARTITION BY RANGE (taken_on);

            CREATE MATERIALIZED VIEW tag_counts AS SELECT tag_id, count(*) AS notes FROM note_tags GROUP BY tag_id;

            CREATE RULE tags_kept AS ON DELETE TO tags WHERE old.label = 'pinned' DO INSTEAD NOTHING;
            """);
    }

    public override void Down()
    {
        Execute.Sql("""
            DROP MATERIALIZED VIEW tag_counts;
            DROP TABLE samples, readings, audit_events, events, bookings, note_tags, tags;
            DROP INDEX notes_recent;
            DROP SEQUENCE ticket_numbers;
            DROP DOMAIN positive_amount;
            DROP TYPE mood;
            """);
    }
}

using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Nexgent.Schema.Tests.ProgrammableMigrations;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Drift;

/// <summary>
/// pg_dump --schema-only, which no one here wrote, is the oracle of drift. Each hand change of the corpus, made to a
/// database the ProgrammableMigrations built, makes pg_dump print something else, and drift exit 4 with one sentence
/// naming the object; each change that leaves pg_dump's output as it was leaves drift saying there is none. What pg_dump
/// sees and drift does not yet is a known gap, listed with its reason and held to drift's answer today, so that this
/// test fails once drift sees it.
/// </summary>
public sealed class PgDumpOracleTests
{
    private static readonly MigrationsUnderTest Migrations = new(typeof(CreateOneOfEachKind).Assembly);

    private static string Assembly => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.ProgrammableMigrations.dll");

    /// <summary>pg_dump of the database the migrations build, untouched (every copy of the template prints the same).</summary>
    private static readonly Lazy<List<string>> Untouched = new(() =>
    {
        using var database = Migrated();
        return PgDump.SchemaOf(database);
    });

    public static IEnumerable<TestCaseData> HandChanges()
    {
        // A table's settings.
        yield return Case("unlogged table (its serial's sequence with it)", "ALTER TABLE bookings SET UNLOGGED",
            "The table bookings is unlogged in the database but logged in the migrations.");
        yield return Case("fillfactor", "ALTER TABLE bookings SET (fillfactor = 50)",
            "The table bookings has storage parameters (fillfactor=50) in the database but no storage parameters in the migrations.");
        yield return Case("autovacuum settings", "ALTER TABLE tags SET (autovacuum_enabled = false, toast.autovacuum_enabled = false)",
            "The table tags has storage parameters (autovacuum_enabled=false, toast.autovacuum_enabled=false) in the database but no storage parameters in the migrations.");
        yield return Case("a partition's fillfactor", "ALTER TABLE readings_2030 SET (fillfactor = 60)",
            "The table readings_2030 has storage parameters (fillfactor=60) in the database but no storage parameters in the migrations.");
        yield return Case("inheritance removed", "ALTER TABLE audit_events NO INHERIT events",
            "The table audit_events inherits from no table in the database but inherits from events in the migrations.");
        yield return Case("partition detached", "ALTER TABLE readings DETACH PARTITION readings_2031",
            "The table readings_2031 is not a partition in the database but a partition of readings FOR VALUES FROM ('2031-01-01') TO ('2032-01-01') in the migrations.");
        yield return Case("partition attached again with other bounds",
            "ALTER TABLE readings DETACH PARTITION readings_2031; ALTER TABLE readings ATTACH PARTITION readings_2031 FOR VALUES FROM ('2031-01-01') TO ('2031-07-01')",
            "The table readings_2031 is a partition of readings FOR VALUES FROM ('2031-01-01') TO ('2031-07-01') in the database"
            + " but a partition of readings FOR VALUES FROM ('2031-01-01') TO ('2032-01-01') in the migrations.");
        yield return Case("partition attached again as the default one",
            "ALTER TABLE readings DETACH PARTITION readings_2031; ALTER TABLE readings ATTACH PARTITION readings_2031 DEFAULT",
            "The table readings_2031 is the default partition of readings in the database but a partition of readings FOR VALUES FROM ('2031-01-01') TO ('2032-01-01') in the migrations.");
        yield return Case("partition key",
            "DROP TABLE samples; CREATE TABLE samples (taken_on date NOT NULL, value numeric) PARTITION BY LIST (taken_on)",
            "The table samples is partitioned by LIST (taken_on) in the database but partitioned by RANGE (taken_on) in the migrations.");
        yield return Case("replica identity", "ALTER TABLE tags REPLICA IDENTITY FULL",
            "The table tags has replica identity full in the database but default in the migrations.");
        yield return Case("cluster on", "ALTER TABLE tags CLUSTER ON tags_label_key",
            "The table tags is marked to cluster on tags_label_key in the database but on no index in the migrations.");

        // A column's settings.
        yield return Case("collation", "ALTER TABLE tags ALTER COLUMN description TYPE text COLLATE \"C\"",
            "The column tags.description has collation \"C\" in the database but the default collation in the migrations.");
        yield return Case("storage", "ALTER TABLE tags ALTER COLUMN description SET STORAGE EXTERNAL",
            "The column tags.description has storage external in the database but its type's storage in the migrations.");
        yield return Case("statistics target", "ALTER TABLE tags ALTER COLUMN description SET STATISTICS 500",
            "The column tags.description has statistics target 500 in the database but the default statistics target in the migrations.");
        yield return Case("compression", "ALTER TABLE tags ALTER COLUMN description SET COMPRESSION pglz",
            "The column tags.description has compression pglz in the database but the default compression in the migrations.");
        yield return Case("column options", "ALTER TABLE tags ALTER COLUMN description SET (n_distinct = 100)",
            "The column tags.description has options (n_distinct=100) in the database but no options in the migrations.");
        yield return Case("identity increment", "ALTER TABLE tags ALTER COLUMN id SET INCREMENT BY 5",
            "The column tags.id is 'integer not null generated always as identity (increment by 5)' in the database but 'integer not null generated always as identity' in the migrations.");
        yield return Case("identity maximum", "ALTER TABLE tags ALTER COLUMN id SET MAXVALUE 1000",
            "The column tags.id is 'integer not null generated always as identity (maxvalue 1000)' in the database but 'integer not null generated always as identity' in the migrations.");
        yield return Case("identity by default", "ALTER TABLE tags ALTER COLUMN id SET GENERATED BY DEFAULT",
            "The column tags.id is 'integer not null generated by default as identity' in the database but 'integer not null generated always as identity' in the migrations.");
        yield return Case("generation expression dropped", "ALTER TABLE tags ALTER COLUMN label_length DROP EXPRESSION",
            "The column tags.label_length is 'integer' in the database but 'integer generated always as (length(label)) stored' in the migrations.");

        // Columns, as drift read them before.
        yield return Case("a new column", "ALTER TABLE tags ADD COLUMN color text",
            "The database has a column tags.color (text) that the migrations do not create.");
        yield return Case("a new column with settings and a comment",
            "ALTER TABLE tags ADD COLUMN color text COLLATE \"C\"; COMMENT ON COLUMN tags.color IS 'Shown as'; ALTER TABLE tags ALTER COLUMN color SET STATISTICS 10",
            "The database has a column tags.color (text) that the migrations do not create.");
        yield return Case("a new serial column", "ALTER TABLE tags ADD COLUMN n serial",
            "The database has a column tags.n (integer not null default nextval('tags_n_seq'::regclass)) that the migrations do not create.");
        yield return Case("a new identity column", "ALTER TABLE bookings ADD COLUMN code bigint GENERATED BY DEFAULT AS IDENTITY",
            "The database has a column bookings.code (bigint not null generated by default as identity) that the migrations do not create.");
        yield return Case("a serial column dropped", "ALTER TABLE bookings DROP COLUMN id",
            "The column bookings.id (integer not null default nextval('bookings_id_seq'::regclass)) that the migrations create is missing from the database.");
        yield return Case("a column dropped", "ALTER TABLE tags DROP COLUMN description",
            "The column tags.description (text) that the migrations create is missing from the database.");
        yield return Case("a default dropped", "ALTER TABLE tags ALTER COLUMN mood DROP DEFAULT",
            "The column tags.mood is 'mood not null' in the database but 'mood not null default 'calm'::mood' in the migrations.");
        yield return Case("a default changed", "ALTER TABLE tags ALTER COLUMN mood SET DEFAULT 'busy'",
            "The column tags.mood is 'mood not null default 'busy'::mood' in the database but 'mood not null default 'calm'::mood' in the migrations.");
        yield return Case("NOT NULL dropped", "ALTER TABLE bookings ALTER COLUMN room DROP NOT NULL",
            "The column bookings.room is 'integer' in the database but 'integer not null' in the migrations.");
        yield return Case("NOT NULL on an inheriting table", "ALTER TABLE audit_events ALTER COLUMN actor SET NOT NULL",
            "The column audit_events.actor is 'text not null' in the database but 'text' in the migrations.");
        yield return Case("a type changed", "ALTER TABLE bookings ALTER COLUMN room TYPE bigint",
            "The column bookings.room is 'bigint not null' in the database but 'integer not null' in the migrations.");
        yield return Case("a column dropped and added again at the end",
            "ALTER TABLE bookings DROP COLUMN room; ALTER TABLE bookings ADD COLUMN room integer NOT NULL",
            "The columns of table bookings are in the order id, during, room in the database but id, room, during in the migrations.");

        // Tables, constraints and indexes.
        yield return Case("a new table with settings, a comment and privileges",
            "CREATE TABLE hand_made (id integer PRIMARY KEY, note text COLLATE \"C\") WITH (fillfactor = 70); COMMENT ON TABLE hand_made IS 'Made by hand'; GRANT SELECT ON hand_made TO PUBLIC",
            "The database has a table hand_made that the migrations do not create.");
        yield return Case("a table dropped", "DROP TABLE samples",
            "The table samples that the migrations create is missing from the database.");
        yield return Case("a primary key dropped", "ALTER TABLE note_tags DROP CONSTRAINT note_tags_pkey",
            "The constraint note_tags.note_tags_pkey (PRIMARY KEY (note_id, tag_id)) that the migrations create is missing from the database.");
        yield return Case("a unique constraint added", "ALTER TABLE bookings ADD CONSTRAINT bookings_room_during_key UNIQUE (room, during)",
            "The database has a constraint bookings.bookings_room_during_key (UNIQUE (room, during)) that the migrations do not create.");
        yield return Case("a unique constraint's index fillfactor", "ALTER INDEX tags_label_key SET (fillfactor = 70)",
            "The index tags.tags_label_key is 'CREATE UNIQUE INDEX tags_label_key ON public.tags USING btree (label) WITH (fillfactor='70')' in the database"
            + " but 'CREATE UNIQUE INDEX tags_label_key ON public.tags USING btree (label)' in the migrations.");
        yield return Case("a foreign key's ON DELETE",
            "ALTER TABLE note_tags DROP CONSTRAINT note_tags_tag_id_fkey, ADD CONSTRAINT note_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE",
            "The constraint note_tags.note_tags_tag_id_fkey is 'FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE' in the database but 'FOREIGN KEY (tag_id) REFERENCES tags(id)' in the migrations.");
        yield return Case("a check constraint added NOT VALID", "ALTER TABLE bookings ADD CONSTRAINT bookings_room_positive CHECK (room > 0) NOT VALID",
            "The database has a constraint bookings.bookings_room_positive (CHECK ((room > 0)) NOT VALID) that the migrations do not create.");
        yield return Case("an exclusion constraint added", "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&)",
            "The database has a constraint bookings.bookings_no_overlap (EXCLUDE USING gist (during WITH &&)) that the migrations do not create.");
        yield return Case("a hash index added", "CREATE INDEX tags_description_hash ON tags USING hash (description)",
            "The database has an index tags.tags_description_hash (CREATE INDEX tags_description_hash ON public.tags USING hash (description)) that the migrations do not create.");
        yield return Case("an index's INCLUDE",
            "DROP INDEX notes_recent; CREATE INDEX notes_recent ON notes USING btree (updated_at) INCLUDE (body) WHERE body <> ''",
            "The index notes.notes_recent is 'CREATE INDEX notes_recent ON public.notes USING btree (updated_at) INCLUDE (body) WHERE (body <> ''::text)' in the database"
            + " but 'CREATE INDEX notes_recent ON public.notes USING btree (updated_at) INCLUDE (owner_name) WHERE (body <> ''::text)' in the migrations.");
        yield return Case("an index's predicate",
            "DROP INDEX notes_recent; CREATE INDEX notes_recent ON notes USING btree (updated_at) INCLUDE (owner_name)",
            "The index notes.notes_recent is 'CREATE INDEX notes_recent ON public.notes USING btree (updated_at) INCLUDE (owner_name)' in the database"
            + " but 'CREATE INDEX notes_recent ON public.notes USING btree (updated_at) INCLUDE (owner_name) WHERE (body <> ''::text)' in the migrations.");
        yield return Case("an expression index with a statistics target",
            "CREATE INDEX tags_lower_label ON tags (lower(label)); ALTER INDEX tags_lower_label ALTER COLUMN 1 SET STATISTICS 100",
            "The database has an index tags.tags_lower_label (CREATE INDEX tags_lower_label ON public.tags USING btree (lower(label)) (column 1 statistics 100)) that the migrations do not create.");
        yield return Case("extended statistics", "CREATE STATISTICS tags_label_mood ON label, mood FROM tags",
            "The database has a statistics object tags.tags_label_mood (CREATE STATISTICS public.tags_label_mood ON label, mood FROM tags) that the migrations do not create.");

        // Types and sequences.
        yield return Case("an enum value added", "ALTER TYPE mood ADD VALUE 'sleepy'",
            "The enum type mood is 'calm, busy, sleepy' in the database but 'calm, busy' in the migrations.");
        yield return Case("an enum value renamed", "ALTER TYPE mood RENAME VALUE 'busy' TO 'hectic'",
            "The enum type mood is 'calm, hectic' in the database but 'calm, busy' in the migrations.");
        yield return Case("a domain's default", "ALTER DOMAIN positive_amount SET DEFAULT 1",
            "The domain positive_amount is 'numeric(12,2) default 1 constraint positive_amount_check CHECK ((VALUE > (0)::numeric))' in the database"
            + " but 'numeric(12,2) constraint positive_amount_check CHECK ((VALUE > (0)::numeric))' in the migrations.");
        yield return Case("a domain's check added", "ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_small CHECK (VALUE < 1000)",
            "The domain positive_amount is 'numeric(12,2) constraint positive_amount_check CHECK ((VALUE > (0)::numeric)) constraint positive_amount_small CHECK ((VALUE < (1000)::numeric))' in the database"
            + " but 'numeric(12,2) constraint positive_amount_check CHECK ((VALUE > (0)::numeric))' in the migrations.");
        yield return Case("a composite type", "CREATE TYPE pair AS (a integer, b text COLLATE \"C\")",
            "The database has a type pair (AS (a integer, b text COLLATE \"C\")) that the migrations do not create.");
        yield return Case("a range type", "CREATE TYPE span AS RANGE (subtype = integer)",
            "The database has a type span (AS RANGE (subtype = integer, multirange_type_name = span_multirange)) that the migrations do not create.");
        yield return Case("a new sequence", "CREATE SEQUENCE invoice_numbers",
            "The database has a sequence invoice_numbers that the migrations do not create.");
        yield return Case("a sequence's increment", "ALTER SEQUENCE ticket_numbers INCREMENT BY 5",
            "The sequence ticket_numbers has options (start with 100, increment by 5) in the database but options (start with 100, increment by 10) in the migrations.");
        yield return Case("a sequence's maximum and cycle", "ALTER SEQUENCE ticket_numbers MAXVALUE 1000000 CYCLE",
            "The sequence ticket_numbers has options (start with 100, increment by 10, maxvalue 1000000, cycle) in the database but options (start with 100, increment by 10) in the migrations.");
        yield return Case("an unlogged sequence", "ALTER SEQUENCE ticket_numbers SET UNLOGGED",
            "The sequence ticket_numbers has options (unlogged, start with 100, increment by 10) in the database but options (start with 100, increment by 10) in the migrations.");
        yield return Case("a serial's sequence owned by no column", "ALTER SEQUENCE bookings_id_seq OWNED BY NONE",
            "The sequence bookings_id_seq is owned by no column in the database but owned by bookings.id in the migrations.");
        yield return Case("a sequence's owner column", "ALTER SEQUENCE ticket_numbers OWNED BY tags.ticket",
            "The sequence ticket_numbers is owned by tags.ticket in the database but owned by no column in the migrations.");

        // Functions, views, triggers, row-level security, rules, extensions.
        yield return Case("a function made SECURITY DEFINER", "ALTER FUNCTION touch_updated_at() SECURITY DEFINER",
            "The function touch_updated_at() has a different definition in the database than in the migrations: line 4 is 'SECURITY DEFINER' in the database but 'AS $function$' in the migrations.");
        yield return Case("a view's query",
            "CREATE OR REPLACE VIEW recent_notes AS SELECT id, owner_name, body FROM notes WHERE updated_at > now() - interval '30 days'",
            "The view recent_notes has a different definition in the database than in the migrations:"
            + " line 5 is 'WHERE (notes.updated_at > (now() - '30 days'::interval));' in the database but 'WHERE (notes.updated_at > (now() - '7 days'::interval));' in the migrations.");
        yield return Case("a view column's default", "ALTER VIEW recent_notes ALTER COLUMN body SET DEFAULT 'untitled'",
            "The view recent_notes has a different definition in the database than in the migrations: line 6 is 'column body default 'untitled'::text' in the database but absent in the migrations.");
        yield return Case("a new view", "CREATE VIEW tag_labels AS SELECT id, label FROM tags",
            "The database has a view tag_labels that the migrations do not create.");
        yield return Case("a materialized view's query",
            "DROP MATERIALIZED VIEW tag_counts; CREATE MATERIALIZED VIEW tag_counts AS SELECT tag_id, count(*) AS notes FROM note_tags WHERE note_id > 0 GROUP BY tag_id",
            "The view tag_counts has a different definition in the database than in the migrations: line 4 is 'WHERE (note_tags.note_id > 0)' in the database but 'GROUP BY note_tags.tag_id;' in the migrations.");
        yield return Case("a trigger disabled", "ALTER TABLE notes DISABLE TRIGGER notes_touch",
            "The trigger notes.notes_touch is disabled in the database but enabled in the migrations.");
        yield return Case("a new trigger",
            "CREATE TRIGGER tags_skip_same BEFORE UPDATE ON tags FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()",
            "The database has a trigger tags.tags_skip_same (CREATE TRIGGER tags_skip_same BEFORE UPDATE ON public.tags FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()) that the migrations do not create.");
        yield return Case("a policy's expression", "ALTER POLICY notes_owner ON notes USING (true)",
            "The policy notes.notes_owner is 'PERMISSIVE FOR ALL TO PUBLIC USING (true)' in the database but 'PERMISSIVE FOR ALL TO PUBLIC USING ((owner_name = CURRENT_USER))' in the migrations.");
        yield return Case("a new policy", "CREATE POLICY notes_readable ON notes FOR SELECT USING (true)",
            "The database has a policy notes.notes_readable (PERMISSIVE FOR SELECT TO PUBLIC USING (true)) that the migrations do not create.");
        yield return Case("row-level security forced", "ALTER TABLE notes FORCE ROW LEVEL SECURITY",
            "Row-level security on table notes is enabled and forced in the database but enabled in the migrations.");
        yield return Case("a rule dropped", "DROP RULE tags_kept ON tags",
            "The rule tags.tags_kept (CREATE RULE tags_kept AS ON DELETE TO public.tags WHERE (old.label = 'pinned'::text) DO INSTEAD NOTHING;) that the migrations create is missing from the database.");
        yield return Case("an extension", "CREATE EXTENSION pg_trgm", null);

        // Comments.
        yield return Case("a table's comment added", "COMMENT ON TABLE bookings IS 'Rooms taken.'",
            "The table bookings has the comment 'Rooms taken.' in the database but no comment in the migrations.");
        yield return Case("a table's comment changed", "COMMENT ON TABLE tags IS 'Labels.'",
            "The table tags has the comment 'Labels.' in the database but the comment 'Labels a note can carry.' in the migrations.");
        yield return Case("a table's comment removed", "COMMENT ON TABLE tags IS NULL",
            "The table tags has no comment in the database but the comment 'Labels a note can carry.' in the migrations.");
        yield return Case("a column's comment", "COMMENT ON COLUMN tags.description IS 'Free text.'",
            "The column tags.description has the comment 'Free text.' in the database but no comment in the migrations.");
        yield return Case("a view column's comment", "COMMENT ON COLUMN recent_notes.body IS 'The note.'",
            "The column recent_notes.body has the comment 'The note.' in the database but no comment in the migrations.");
        yield return Case("an index's comment", "COMMENT ON INDEX notes_recent IS 'For the recent notes view.'",
            "The index notes.notes_recent has the comment 'For the recent notes view.' in the database but no comment in the migrations.");
        yield return Case("a unique constraint's index's comment", "COMMENT ON INDEX tags_label_key IS 'Labels are unique.'",
            "The index tags.tags_label_key has the comment 'Labels are unique.' in the database but no comment in the migrations.");
        yield return Case("a constraint's comment", "COMMENT ON CONSTRAINT tags_label_not_blank ON tags IS 'No blank labels.'",
            "The constraint tags.tags_label_not_blank has the comment 'No blank labels.' in the database but no comment in the migrations.");
        yield return Case("a function's comment", "COMMENT ON FUNCTION touch_updated_at() IS 'Keeps updated_at.'",
            "The function touch_updated_at() has the comment 'Keeps updated_at.' in the database but no comment in the migrations.");
        yield return Case("a materialized view's comment", "COMMENT ON MATERIALIZED VIEW tag_counts IS 'How often each tag is used.'",
            "The view tag_counts has the comment 'How often each tag is used.' in the database but no comment in the migrations.");
        yield return Case("a type's comment", "COMMENT ON TYPE mood IS 'How a tag feels.'",
            "The enum type mood has the comment 'How a tag feels.' in the database but no comment in the migrations.");
        yield return Case("a trigger's comment", "COMMENT ON TRIGGER notes_touch ON notes IS 'Keeps updated_at.'",
            "The trigger notes.notes_touch has the comment 'Keeps updated_at.' in the database but no comment in the migrations.");
        yield return Case("a sequence's comment", "COMMENT ON SEQUENCE ticket_numbers IS 'Ticket numbers.'",
            "The sequence ticket_numbers has the comment 'Ticket numbers.' in the database but no comment in the migrations.");

        // Privileges.
        yield return Case("a table granted", "GRANT SELECT ON tags TO PUBLIC",
            "The privileges on table tags are the default with SELECT granted to PUBLIC in the database but the default in the migrations.");
        yield return Case("a table's privilege revoked from its owner", "REVOKE TRUNCATE ON tags FROM CURRENT_USER",
            "The privileges on table tags are the default with TRUNCATE revoked from the owner in the database but the default in the migrations.");
        yield return Case("a column granted", "GRANT UPDATE (description) ON tags TO PUBLIC",
            "The privileges on column tags.description are the default with UPDATE granted to PUBLIC in the database but the default in the migrations.");
        yield return Case("a view column granted", "GRANT SELECT (body) ON recent_notes TO PUBLIC",
            "The privileges on column recent_notes.body are the default with SELECT granted to PUBLIC in the database but the default in the migrations.");
        yield return Case("a function's EXECUTE revoked", "REVOKE EXECUTE ON FUNCTION touch_updated_at() FROM PUBLIC",
            "The privileges on function touch_updated_at() are the default with EXECUTE revoked from PUBLIC in the database but the default in the migrations.");
        yield return Case("a sequence granted", "GRANT USAGE ON SEQUENCE ticket_numbers TO PUBLIC",
            "The privileges on sequence ticket_numbers are the default with USAGE granted to PUBLIC in the database but the default in the migrations.");
        yield return Case("a type's USAGE revoked", "REVOKE USAGE ON TYPE mood FROM PUBLIC",
            "The privileges on enum type mood are the default with USAGE revoked from PUBLIC in the database but the default in the migrations.");
    }

    [TestCaseSource(nameof(HandChanges))]
    public void A_hand_change_pg_dump_sees_is_one_sentence_of_drift_naming_it(string change, string? sentence)
    {
        using var database = Migrated();
        database.Execute(change);

        Assert.That(PgDump.SchemaOf(database), Is.Not.EqualTo(Untouched.Value), "pg_dump sees the change");
        var run = Fm.Run("drift", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.ToString());
        // An extension's version is the server's.
        sentence ??= $"The database has an extension pg_trgm (version {database.Scalar<string>("SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm'")}, schema public) that the migrations do not create.";
        Assert.That(DriftOutput.Differences(run, Migrations.Latest), Is.EqualTo(new[] { sentence }));
    }

    public static IEnumerable<TestCaseData> NoOps()
    {
        yield return NoOp("statistics gathered", "ANALYZE");
        yield return NoOp("a table vacuumed", "VACUUM tags");
        yield return NoOp("a row inserted", "INSERT INTO bookings (room, during) VALUES (1, '[2030-01-01,2030-01-02)')");
        yield return NoOp("a sequence advanced", "SELECT nextval('ticket_numbers')");
        yield return NoOp("a table reindexed", "REINDEX TABLE tags");
        yield return NoOp("a materialized view refreshed", "REFRESH MATERIALIZED VIEW tag_counts");
        yield return NoOp("a table rewritten", "ALTER TABLE bookings SET ACCESS METHOD heap");
        yield return NoOp("a statistics target set back to the default", "ALTER TABLE tags ALTER COLUMN description SET STATISTICS -1");
        yield return NoOp("a storage set to its type's", "ALTER TABLE tags ALTER COLUMN description SET STORAGE EXTENDED");
        yield return NoOp("a storage parameter reset that was not set", "ALTER TABLE bookings RESET (fillfactor)");
        yield return NoOp("a logged table set logged", "ALTER TABLE bookings SET LOGGED");
        yield return NoOp("a sequence's increment set to what it is", "ALTER SEQUENCE ticket_numbers INCREMENT BY 10");
        yield return NoOp("the owner granted what it has", "GRANT ALL ON tags TO CURRENT_USER");
        yield return NoOp("a comment set to what it is", "COMMENT ON TABLE tags IS 'Labels a note can carry.'");
        yield return NoOp("a comment removed that was not there", "COMMENT ON TABLE bookings IS NULL");
        yield return NoOp("an enabled trigger enabled", "ALTER TABLE notes ENABLE TRIGGER notes_touch");
    }

    [TestCaseSource(nameof(NoOps))]
    public void A_change_pg_dump_does_not_see_is_no_drift(string change)
    {
        using var database = Migrated();
        database.Execute(change);

        Assert.That(PgDump.SchemaOf(database), Is.EqualTo(Untouched.Value), "pg_dump sees no change");
        var run = Fm.Run("drift", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Does.Contain("No drift"));
    }

    /// <summary>What pg_dump prints and drift does not read yet; each fails once drift sees it, to be moved to <see cref="HandChanges"/>.</summary>
    public static IEnumerable<TestCaseData> KnownGaps()
    {
        yield return Gap("an owner", "ALTER TABLE bookings OWNER TO pg_monitor",
            "Owners are not compared: the shadow database's objects belong to the role running drift, so a target owned by another role would differ everywhere.");
        yield return Gap("the schema's comment", "COMMENT ON SCHEMA public IS 'The application.'",
            "The schema itself is not a fact yet (its comment, its privileges).");
        yield return Gap("the schema's privileges", "GRANT CREATE ON SCHEMA public TO PUBLIC",
            "The schema itself is not a fact yet (its comment, its privileges).");
        yield return Gap("a collation", "CREATE COLLATION c_copy FROM \"C\"",
            "Collations are not read yet (a column's collation is).");
        yield return Gap("a text search configuration", "CREATE TEXT SEARCH CONFIGURATION plain (COPY = simple)",
            "Text search configurations, dictionaries, parsers and templates are not read yet.");
        yield return Gap("an operator", "CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq)",
            "Operators, operator classes and families are not read yet.");
        yield return Gap("a conversion", "CREATE CONVERSION latin_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8",
            "Conversions are not read yet.");
        yield return Gap("a cast", "CREATE CAST (mood AS integer) WITH INOUT",
            "Casts belong to the database, not to a schema; pg_dump prints those of the schema's types; not read yet.");
        yield return Gap("a publication", "CREATE PUBLICATION tags_out FOR TABLE tags",
            "Publications belong to the database, not to a schema; not read yet.");
    }

    [TestCaseSource(nameof(KnownGaps))]
    public void A_known_gap_is_seen_by_pg_dump_and_not_yet_by_drift(string change, string reason)
    {
        using var database = Migrated();
        database.Execute(change);

        Assert.That(PgDump.SchemaOf(database), Is.Not.EqualTo(Untouched.Value), "pg_dump sees the change");
        var run = Fm.Run("drift", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), $"Drift now sees this known gap ({reason}); move it to the hand changes with its sentence.\n{run}");
    }

    private static TestDatabase Migrated() => TestServer.Current.Templates(Migrations).At(Migrations.Latest);

    private static TestCaseData Case(string name, string change, string? sentence) => new TestCaseData(change, sentence).SetArgDisplayNames(name);

    private static TestCaseData NoOp(string name, string change) => new TestCaseData(change).SetArgDisplayNames(name);

    private static TestCaseData Gap(string name, string change, string reason) => new TestCaseData(change, reason).SetArgDisplayNames(name);
}

using Nexgent.Schema.Runner.Lint;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.UnitTests.Lint;

/// <summary>
/// Every lint rule, on SQL alone: a statement in, the rule, the lock and what it blocks out; and the safe way to write
/// the same change, which gives no finding. The migrations before it built <see cref="History"/>. Pure logic: no server;
/// the locks themselves are PostgreSQL's (LockOracleTests in Nexgent.Schema.Tests).
/// </summary>
public sealed class LockRuleTests
{
    /// <summary>What earlier migrations built: tables that, in production, may hold rows.</summary>
    private const string History = """
        CREATE TABLE "public"."orders" ("id" uuid NOT NULL, "ref" varchar(20) NOT NULL, "amount" numeric(20,8) NOT NULL, "note" text, "placed_at" timestamptz(3) NOT NULL, "customer_id" uuid, "seq" integer, CONSTRAINT "orders_pkey" PRIMARY KEY ("id"));
        CREATE TABLE "public"."customers" ("id" uuid NOT NULL, "name" varchar(100), CONSTRAINT "customers_pkey" PRIMARY KEY ("id"));
        CREATE INDEX "orders_ref_idx" ON "public"."orders" ("ref" ASC);
        ALTER TABLE orders ADD CONSTRAINT orders_note_present CHECK (note IS NOT NULL) NOT VALID;
        """;

    private static IEnumerable<TestCaseData> Hazards()
    {
        // add-index-without-concurrently
        yield return Case("CREATE INDEX \"orders_placed_at_idx\" ON \"public\".\"orders\" (\"placed_at\" ASC);", "add-index-without-concurrently: SHARE on orders, blocks writes");
        yield return Case("create unique index orders_ref_key on orders (ref)", "add-index-without-concurrently: SHARE on orders, blocks writes");
        yield return Safe("CREATE INDEX CONCURRENTLY \"orders_placed_at_idx\" ON \"public\".\"orders\" (\"placed_at\" ASC);", transactional: false);
        yield return Safe("CREATE TABLE refunds (id uuid, order_id uuid); CREATE INDEX refunds_order_id_idx ON refunds (order_id);");

        // drop-index-without-concurrently: the index's table from what built it, or from FluentMigrator's expression.
        yield return Case("DROP INDEX \"public\".\"orders_ref_idx\";", "drop-index-without-concurrently: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("DROP INDEX IF EXISTS orders_ref_idx CASCADE", "drop-index-without-concurrently: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Safe("DROP INDEX CONCURRENTLY IF EXISTS orders_ref_idx", transactional: false);
        yield return Safe("CREATE INDEX orders_tmp_idx ON orders (note) WHERE false; DROP INDEX orders_tmp_idx;", "add-index-without-concurrently: SHARE on orders, blocks writes");

        // add-foreign-key-without-not-valid: both tables locked against writes while every row is checked.
        yield return Case("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_customer_id_fkey\" FOREIGN KEY (\"customer_id\") REFERENCES \"public\".\"customers\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE;",
            "add-foreign-key-without-not-valid: SHARE ROW EXCLUSIVE on orders, blocks writes");
        yield return Case("ALTER TABLE orders ADD COLUMN buyer_id uuid REFERENCES customers (id)",
            "add-foreign-key-without-not-valid: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Safe("ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID");
        yield return Safe("ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey");
        yield return Case("ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID; ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;",
            "add-foreign-key-without-not-valid: SHARE ROW EXCLUSIVE on orders, blocks writes");
        yield return Safe("CREATE TABLE refunds (id uuid, order_id uuid); ALTER TABLE refunds ADD CONSTRAINT refunds_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id);");

        // add-check-without-not-valid
        yield return Case("ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0)", "add-check-without-not-valid: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Safe("ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID");

        // set-not-null: the scan is skipped when a validated CHECK (column IS NOT NULL) proves it.
        yield return Case("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL", "set-not-null: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE \"public\".\"customers\" ALTER \"name\" TYPE varchar(100), ALTER \"name\" SET NOT NULL;", "set-not-null: ACCESS EXCLUSIVE on customers, blocks reads and writes");
        yield return Safe("ALTER TABLE \"public\".\"customers\" ALTER \"name\" TYPE varchar(100), ALTER \"name\" DROP NOT NULL;");
        yield return new TestCaseData("ALTER TABLE orders ALTER COLUMN note SET NOT NULL", "ALTER TABLE orders VALIDATE CONSTRAINT orders_note_present;", true, 5, Array.Empty<string>())
            .SetArgDisplayNames("set-not-null proven by a validated check");

        // alter-column-type-rewrite
        yield return Case("ALTER TABLE \"orders\" ALTER COLUMN \"amount\" TYPE numeric(30,18);", "alter-column-type-rewrite: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE orders ALTER ref TYPE varchar(10)", "alter-column-type-rewrite: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE orders ALTER seq TYPE bigint", "alter-column-type-rewrite: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE orders ALTER note TYPE varchar(200)", "alter-column-type-rewrite: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE orders ALTER ref TYPE varchar(20) USING upper(ref)", "alter-column-type-rewrite: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE orders ALTER missing TYPE text", "alter-column-type-rewrite: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Safe("ALTER TABLE orders ALTER COLUMN amount TYPE numeric(30,8)");
        yield return Safe("ALTER TABLE orders ALTER COLUMN amount TYPE decimal");
        yield return Safe("ALTER TABLE orders ALTER COLUMN ref TYPE character varying(50), ALTER note TYPE text");
        yield return Safe("ALTER TABLE orders ALTER COLUMN ref TYPE text");
        yield return Safe("ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz(6)");
        yield return Safe("ALTER TABLE orders ALTER COLUMN ref TYPE varchar(20) USING ref");

        // add-column-volatile-default: PostgreSQL 11+ stores a non-volatile default once; a volatile one is computed per row.
        yield return Case("ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()", "add-column-volatile-default: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE \"public\".\"orders\" ADD \"id2\" uuid NOT NULL DEFAULT uuid_generate_v4();", "add-column-volatile-default: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE orders ADD COLUMN seen_at timestamptz NOT NULL DEFAULT clock_timestamp()", "add-column-volatile-default: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE orders ADD COLUMN number bigserial", "add-column-volatile-default: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE \"public\".\"orders\" ADD \"n\" integer NOT NULL GENERATED ALWAYS AS IDENTITY;", "add-column-volatile-default: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (amount * 2) STORED", "add-column-volatile-default: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Safe("ALTER TABLE \"public\".\"orders\" ADD \"created_at\" timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;");
        yield return Safe("ALTER TABLE orders ADD COLUMN at timestamp NOT NULL DEFAULT now(), ADD COLUMN day date DEFAULT CURRENT_DATE, ADD COLUMN n integer NOT NULL DEFAULT 0, ADD tags text[] DEFAULT ARRAY[]::text[]");
        yield return Safe("ALTER TABLE orders ADD COLUMN token uuid; ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();");

        // add-unique-constraint-in-place
        yield return Case("ALTER TABLE \"public\".\"orders\" ADD CONSTRAINT \"orders_ref_key\" UNIQUE (\"ref\");", "add-unique-constraint-in-place: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE customers ADD CONSTRAINT customers_name_pkey PRIMARY KEY (name)", "add-unique-constraint-in-place: ACCESS EXCLUSIVE on customers, blocks reads and writes");
        yield return Case("ALTER TABLE orders ADD COLUMN code text UNIQUE", "add-unique-constraint-in-place: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Safe("ALTER TABLE orders ADD CONSTRAINT orders_ref_key UNIQUE USING INDEX orders_ref_key_idx");
        yield return Safe("ALTER TABLE customers ADD CONSTRAINT customers_name_pkey PRIMARY KEY USING INDEX customers_name_idx");

        // rename-table, rename-column, drop-table, drop-column: the running release still names them.
        yield return Case("ALTER TABLE \"public\".\"orders\" RENAME TO \"purchases\";", "rename-table: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE \"public\".\"orders\" RENAME COLUMN \"note\" TO \"remark\";", "rename-column: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("DROP TABLE \"public\".\"orders\";", "drop-table: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("ALTER TABLE \"public\".\"orders\" DROP COLUMN \"note\";", "drop-column: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Safe("CREATE TABLE drafts (id uuid); ALTER TABLE drafts RENAME TO sketches; DROP TABLE sketches;");
        yield return Safe("ALTER TABLE orders ADD COLUMN remark text; ALTER TABLE orders RENAME COLUMN remark TO comment; ALTER TABLE orders DROP COLUMN comment;");

        // unbatched-data-change
        yield return Case("UPDATE orders SET note = ''", "unbatched-data-change: ROW EXCLUSIVE on orders, blocks writes");
        yield return Case("UPDATE \"public\".\"orders\" SET \"note\" = 'x' WHERE 1 = 1;", "unbatched-data-change: ROW EXCLUSIVE on orders, blocks writes");
        yield return Case("DELETE FROM orders WHERE placed_at < now() - interval '1 year'", "unbatched-data-change: ROW EXCLUSIVE on orders, blocks writes");
        yield return Case("ALTER TABLE orders ADD COLUMN total numeric; UPDATE orders SET total = amount;",
            "unbatched-data-change: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("CREATE TABLE archive (LIKE orders); ALTER TABLE customers ADD COLUMN archived boolean; INSERT INTO archive SELECT * FROM orders;",
            "unbatched-data-change: ACCESS EXCLUSIVE on customers, blocks reads and writes");
        yield return Safe("UPDATE \"public\".\"orders\" SET \"note\" = 'x' WHERE \"id\" = 'a1';");
        yield return Safe("UPDATE orders SET note = '' WHERE id IN ('a', 'b') AND note IS NULL");
        yield return Safe("UPDATE orders SET note = '' WHERE seq BETWEEN 1 AND 1000 AND note IS NULL");
        yield return Safe("DELETE FROM orders WHERE id IN (SELECT id FROM orders WHERE note IS NULL LIMIT 1000)");
        yield return Safe("CREATE TABLE archive (LIKE orders); INSERT INTO archive SELECT * FROM orders;");
        yield return Safe("INSERT INTO orders (id, ref) VALUES ('a', 'b')");

        // A table the transaction truncated is empty and already locked: building on it takes no time.
        yield return Safe("TRUNCATE orders; DROP INDEX orders_ref_idx; ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id); CREATE INDEX orders_note_idx ON orders (note);");
        yield return Case("TRUNCATE orders; CREATE INDEX orders_note_idx ON orders (note);", transactional: false, "add-index-without-concurrently: SHARE on orders, blocks writes");

        // Statements in a DO block are read one by one.
        yield return Case("DO $$ BEGIN IF true THEN UPDATE orders SET note = ''; END IF; END $$;", "unbatched-data-change: ROW EXCLUSIVE on orders, blocks writes");
        yield return Case("DO $body$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM customers; IF n > 0 THEN VACUUM FULL orders; END IF; END $body$;",
            "vacuum-full: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Safe("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE orders SET note = ''; RETURN NEW; END $$;");

        // add-exclusion-constraint: no NOT VALID, no USING INDEX.
        yield return Case("ALTER TABLE orders ADD CONSTRAINT orders_placed_excl EXCLUDE USING gist (tstzrange(placed_at, placed_at) WITH &&)", "add-exclusion-constraint: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Safe("CREATE TABLE bookings (id uuid, during tsrange); ALTER TABLE bookings ADD CONSTRAINT bookings_during_excl EXCLUDE USING gist (during WITH &&);");

        // set-logged-or-unlogged: a rewrite either way.
        yield return Case("ALTER TABLE customers SET UNLOGGED", "set-logged-or-unlogged: ACCESS EXCLUSIVE on customers, blocks reads and writes");
        yield return Case("ALTER TABLE \"public\".\"customers\" SET LOGGED;", "set-logged-or-unlogged: ACCESS EXCLUSIVE on customers, blocks reads and writes");
        yield return Safe("CREATE UNLOGGED TABLE scratch (id uuid); ALTER TABLE scratch SET LOGGED;");

        // vacuum-full, cluster: rewrites. Plain VACUUM and ANALYZE take SHARE UPDATE EXCLUSIVE.
        yield return Case("VACUUM FULL orders", transactional: false, "vacuum-full: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("VACUUM (FULL, ANALYZE) public.orders, customers", transactional: false,
            "vacuum-full: ACCESS EXCLUSIVE on orders, blocks reads and writes", "vacuum-full: ACCESS EXCLUSIVE on customers, blocks reads and writes");
        yield return Case("VACUUM FULL", transactional: false, "vacuum-full: ACCESS EXCLUSIVE on (no table named), blocks reads and writes");
        yield return Safe("VACUUM ANALYZE orders", transactional: false);
        yield return Safe("VACUUM (FULL false) orders", transactional: false);
        yield return Safe("ANALYZE orders");
        yield return Case("CLUSTER orders USING orders_ref_idx", "cluster: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("CLUSTER", "cluster: ACCESS EXCLUSIVE on (no table named), blocks reads and writes");
        yield return Safe("ALTER TABLE orders CLUSTER ON orders_ref_idx");

        // reindex-without-concurrently: SHARE on the table, but the index's ACCESS EXCLUSIVE holds up the reads planned on it.
        yield return Case("REINDEX TABLE orders", "reindex-without-concurrently: SHARE on orders, blocks reads and writes");
        yield return Case("REINDEX INDEX orders_ref_idx", "reindex-without-concurrently: SHARE on orders, blocks reads and writes");
        yield return Safe("REINDEX TABLE CONCURRENTLY orders", transactional: false);
        yield return Safe("REINDEX (CONCURRENTLY) INDEX orders_ref_idx", transactional: false);

        // lock-table: the modes that block reads or writes, until the transaction ends.
        yield return Case("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE", "lock-table: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("LOCK orders", "lock-table: ACCESS EXCLUSIVE on orders, blocks reads and writes");
        yield return Case("LOCK TABLE orders, customers IN SHARE MODE NOWAIT", "lock-table: SHARE on orders, blocks writes", "lock-table: SHARE on customers, blocks writes");
        yield return Case("LOCK TABLE ONLY orders IN SHARE ROW EXCLUSIVE MODE", "lock-table: SHARE ROW EXCLUSIVE on orders, blocks writes");
        yield return Case("LOCK TABLE orders IN EXCLUSIVE MODE", "lock-table: EXCLUSIVE on orders, blocks writes");
        yield return Safe("LOCK TABLE orders IN SHARE UPDATE EXCLUSIVE MODE");
        yield return Safe("LOCK TABLE orders IN ROW EXCLUSIVE MODE");
        yield return Safe("LOCK TABLE orders IN ROW SHARE MODE");
        yield return Safe("LOCK TABLE orders IN ACCESS SHARE MODE");
        yield return Safe("CREATE TABLE drafts (id uuid); LOCK TABLE drafts;");
    }

    /// <summary>Statements lint reads as taking no lock that blocks a query, or running nothing now.</summary>
    private static IEnumerable<string> HarmlessStatements() =>
    [
        "SET statement_timeout = '1min'",
        "RESET ALL",
        "SELECT count(*) FROM orders",
        "WITH o AS (SELECT id FROM orders) SELECT count(*) FROM o",
        "COMMENT ON COLUMN orders.note IS 'free text'",
        "GRANT SELECT ON orders TO reporting",
        "REVOKE ALL ON orders FROM PUBLIC",
        "CREATE TYPE \"Side\" AS ENUM ('BUY', 'SELL')",
        "DROP TYPE \"Side\"",
        "CREATE EXTENSION IF NOT EXISTS pgcrypto",
        "CREATE SEQUENCE orders_seq",
        "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.placed_at := now(); RETURN NEW; END $$",
        "CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS 'SELECT 1'",
        "DO $$ BEGIN CREATE TYPE side AS ENUM ('BUY'); EXCEPTION WHEN duplicate_object THEN NULL; END $$",
        "DO $$ -- a comment first\nDECLARE a integer; b text; BEGIN a := 1; END $$",
        "DO $guard$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM orders WHERE amount < 0; IF n > 0 THEN RAISE EXCEPTION 'negative: %', n USING HINT = 'fix them'; END IF; END $guard$",
    ];

    /// <summary>Statements lint cannot read: each is reported as not analysed, with its text.</summary>
    private static IEnumerable<string> UnreadStatements() =>
    [
        "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch()",
        "REFRESH MATERIALIZED VIEW order_totals",
        "DROP TYPE side CASCADE",
        "CALL archive_orders()",
        "ALTER INDEX orders_ref_idx RENAME TO orders_reference_idx",
        "DROP VIEW order_totals",
        "CREATE OR REPLACE VIEW order_totals AS SELECT sum(amount) FROM orders",
        "DO $$ BEGIN EXECUTE format('ALTER TABLE %I DROP COLUMN note', 'orders'); END $$",
    ];

    private static IEnumerable<TestCaseData> LockTimeouts()
    {
        // The runner sets lock_timeout on every session: nothing to find unless it is off, or the migration turns it off.
        yield return new TestCaseData("ALTER TABLE orders ADD COLUMN x integer", 5, Array.Empty<string>()).SetArgDisplayNames("runner's timeout");
        yield return new TestCaseData("ALTER TABLE orders ADD COLUMN x integer; ALTER TABLE customers ADD COLUMN y integer;", 0,
            new[] { "strong-lock-without-lock-timeout: ACCESS EXCLUSIVE on orders, blocks reads and writes" }).SetArgDisplayNames("timeout off: once per migration");
        yield return new TestCaseData("SET lock_timeout = 0; ALTER TABLE orders ADD COLUMN x integer;", 5,
            new[] { "strong-lock-without-lock-timeout: ACCESS EXCLUSIVE on orders, blocks reads and writes" }).SetArgDisplayNames("migration sets 0");
        yield return new TestCaseData("SET LOCAL lock_timeout TO '0'; CREATE INDEX orders_note_idx ON orders (note);", 5,
            new[] { "add-index-without-concurrently: SHARE on orders, blocks writes", "strong-lock-without-lock-timeout: SHARE on orders, blocks writes" }).SetArgDisplayNames("migration sets local 0");
        yield return new TestCaseData("SET LOCAL lock_timeout = '2s'; ALTER TABLE orders ADD COLUMN x integer;", 0, Array.Empty<string>()).SetArgDisplayNames("migration sets its own");
        yield return new TestCaseData("SELECT set_config('lock_timeout', '3s', true); ALTER TABLE orders ADD COLUMN x integer;", 0, Array.Empty<string>()).SetArgDisplayNames("set_config");
        yield return new TestCaseData("CREATE TABLE drafts (id uuid); CREATE INDEX drafts_id_idx ON drafts (id);", 0, Array.Empty<string>()).SetArgDisplayNames("new table only");
        yield return new TestCaseData("CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note)", 0, Array.Empty<string>()).SetArgDisplayNames("weak lock");
        yield return new TestCaseData("CREATE TABLE refunds (id uuid, order_id uuid REFERENCES orders (id))", 0,
            new[] { "strong-lock-without-lock-timeout: SHARE ROW EXCLUSIVE on orders, blocks writes" }).SetArgDisplayNames("referenced table");
    }

    [TestCaseSource(nameof(Hazards))]
    public void A_statement_gives_its_hazards(string sql, string? before, bool transactional, int lockTimeoutSeconds, string[] expected)
        => Assert.That(Lint(sql, before, transactional, lockTimeoutSeconds), Is.EqualTo(expected));

    [TestCaseSource(nameof(HarmlessStatements))]
    public void A_harmless_statement_is_neither_a_hazard_nor_left_unread(string sql)
    {
        var result = Linter(lockTimeoutSeconds: 5).Lint([new GeneratedSql(sql, Raw: true)], transactional: true);

        Assert.That(result.Hazards, Is.Empty);
        Assert.That(result.NotAnalysed, Is.Empty);
    }

    [TestCaseSource(nameof(UnreadStatements))]
    public void A_statement_lint_cannot_read_is_reported_as_not_analysed(string sql)
    {
        var result = Linter(lockTimeoutSeconds: 5).Lint([new GeneratedSql($"ALTER TABLE orders ADD COLUMN x integer; {sql};", Raw: true)], transactional: true);

        Assert.That(result.Hazards, Is.Empty);
        Assert.That(result.NotAnalysed, Has.Count.EqualTo(1));
        Assert.That(sql, Does.Contain(result.NotAnalysed[0]));
    }

    [TestCaseSource(nameof(LockTimeouts))]
    public void Strong_locks_are_found_only_without_a_lock_timeout(string sql, int lockTimeoutSeconds, string[] expected)
        => Assert.That(Lint(sql, before: null, transactional: true, lockTimeoutSeconds), Is.EqualTo(expected));

    [Test]
    public void A_lock_timeout_the_migration_turns_off_stays_off_for_the_next_migrations_of_the_run_until_reset()
    {
        var linter = Linter(lockTimeoutSeconds: 5);

        Assert.That(linter.Lint([new GeneratedSql("SET lock_timeout = 0;", Raw: true)], transactional: true).Hazards, Is.Empty);
        Assert.That(linter.Lint([new GeneratedSql("ALTER TABLE orders ADD COLUMN x integer;", Raw: false)], transactional: true).Hazards.Select(h => h.Rule),
            Is.EqualTo(new[] { LintRules.StrongLockWithoutLockTimeout }));
        Assert.That(linter.Lint([new GeneratedSql("RESET lock_timeout; ALTER TABLE orders ADD COLUMN y integer;", Raw: true)], transactional: true).Hazards, Is.Empty);
    }

    [Test]
    public void The_table_of_an_index_fluentmigrator_drops_comes_from_its_expression()
    {
        var linter = Linter(lockTimeoutSeconds: 5);

        var hazards = linter.Lint([new GeneratedSql("DROP INDEX \"public\".\"made_by_hand_idx\";", Raw: false, new QualifiedName("", "customers"))], transactional: true).Hazards;

        Assert.That(hazards.Select(h => $"{h.Rule} {h.Table}"), Is.EqualTo(new[] { "drop-index-without-concurrently public.customers" }));
    }

    [Test]
    public void A_rewrite_names_the_columns_and_the_change()
    {
        var hazards = Linter(lockTimeoutSeconds: 5).Lint([new GeneratedSql("ALTER TABLE orders ALTER COLUMN amount TYPE numeric(30,18), ALTER seq TYPE bigint, ALTER note TYPE text", Raw: true)], transactional: true).Hazards;

        Assert.That(hazards, Has.Count.EqualTo(1));
        Assert.That(hazards[0].Reason, Is.EqualTo(
            "amount: numeric(20,8) to numeric(30,18) changes the scale, so every value is rewritten and the table's indexes rebuilt (only a larger precision with the same scale, or an unconstrained numeric, would not rewrite); "
            + "seq: integer to bigint is not binary-coercible: every row is rewritten"));
    }

    [Test]
    public void A_lock_an_earlier_statement_of_the_transaction_took_is_the_one_reported()
    {
        var hazards = Linter(lockTimeoutSeconds: 5).Lint(
            [new GeneratedSql("ALTER TABLE \"public\".\"orders\" ADD \"flag\" boolean NOT NULL DEFAULT true;", Raw: false), new GeneratedSql("CREATE INDEX \"orders_flag_idx\" ON \"public\".\"orders\" (\"flag\" ASC);", Raw: false)],
            transactional: true).Hazards;

        Assert.That(hazards.Single().Lock, Is.EqualTo(LockMode.AccessExclusive));
        Assert.That(hazards.Single().Reason, Does.EndWith("the migration already holds ACCESS EXCLUSIVE on orders since `ALTER TABLE \"public\".\"orders\" ADD \"flag\" boolean NOT NULL DEFAULT true`, until it commits"));
    }

    [Test]
    public void Every_rule_has_a_test_of_its_hazard()
    {
        var tested = Hazards().Concat(LockTimeouts()).SelectMany(c => (string[])c.Arguments[^1]!).Select(e => e.Split(':')[0]).ToHashSet();

        Assert.That(LintRules.All.Select(r => r.Id), Is.SubsetOf(tested));
        Assert.That(LintRules.All.Select(r => r.Id), Is.Unique);
        Assert.That(LintRules.All, Has.All.Matches<LintRule>(r => r.Id.All(c => c is '-' or (>= 'a' and <= 'z'))), "ids are lower-case words joined by hyphens");
    }

    private static TestCaseData Case(string sql, params string[] expected) => Case(sql, transactional: true, expected);

    private static TestCaseData Case(string sql, bool transactional, params string[] expected)
        => new TestCaseData(sql, null, transactional, 5, expected).SetArgDisplayNames(Display(sql));

    private static TestCaseData Safe(string sql, params string[] expected) => Safe(sql, transactional: true, expected);

    private static TestCaseData Safe(string sql, bool transactional, params string[] expected)
        => new TestCaseData(sql, null, transactional, 5, expected).SetArgDisplayNames("safe: " + Display(sql));

    private static string Display(string sql) => sql.Length <= 70 ? sql : sql[..67] + "...";

    private static LockLinter Linter(int lockTimeoutSeconds)
    {
        var linter = new LockLinter("public", TimeSpan.FromSeconds(lockTimeoutSeconds));
        linter.Learn([new GeneratedSql(History, Raw: true)]);
        return linter;
    }

    /// <summary>The hazards of <paramref name="sql"/> as one migration, after <paramref name="before"/> as another.</summary>
    private static string[] Lint(string sql, string? before, bool transactional, int lockTimeoutSeconds)
    {
        var linter = Linter(lockTimeoutSeconds);
        if (before is not null)
        {
            linter.Lint([new GeneratedSql(before, Raw: true)], transactional: true);
        }

        return linter.Lint([new GeneratedSql(sql, Raw: true)], transactional).Hazards
            .Select(h => $"{h.Rule}: {h.Lock.ToSql()} on {h.Table?.ShownIn("public") ?? "(no table named)"}, blocks {h.Blocks.Describe()}")
            .ToArray();
    }
}

using Nexgent.Schema.Runner.Lint;
using Nexgent.Schema.Runner.Safety;
using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NpgsqlTypes;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Lint;

/// <summary>
/// PostgreSQL as the oracle of lint's locks. Each kind of statement lint reads runs on real tables (rows, indexes,
/// foreign keys), and the lock lint says it takes on each table, and the lock of each finding it prints, must be the
/// strongest lock PostgreSQL holds on that table, as <c>pg_locks</c> shows it to a second session while the statement's
/// transaction is still open; what each finding says it blocks is what that session's reads and writes wait for. A table lint names no lock on may only have been read (ACCESS SHARE, or the ROW SHARE of
/// a foreign key's check), which blocks no query. A statement that cannot run in a transaction (its locks go as it
/// ends) is made to wait by a third session holding its table, and pg_locks shows what it waits for: held SHARE UPDATE
/// EXCLUSIVE, its first lock that strong or stronger; held ROW EXCLUSIVE, its first SHARE or stronger (a statement
/// that takes none goes through, or waits for the holder's transaction itself, as CONCURRENTLY does). A lock taken
/// only if free (VACUUM's ACCESS EXCLUSIVE to cut off empty pages at the end, which no query ever waits for) is not seen.
/// </summary>
public sealed class LockOracleTests
{
    /// <summary>The tables every statement runs on: orders references customers twice (one key NOT VALID); notes references nothing.</summary>
    private const string Fixture = """
        CREATE TABLE customers (id integer PRIMARY KEY, name text);
        CREATE TABLE orders (id integer PRIMARY KEY, ref text NOT NULL, amount numeric(20,8), note text, customer_id integer REFERENCES customers (id), buyer_id integer, during int4range, seq integer);
        CREATE INDEX orders_ref_idx ON orders (ref);
        ALTER TABLE orders ADD CONSTRAINT orders_amount_positive CHECK (amount > 0) NOT VALID;
        ALTER TABLE orders ADD CONSTRAINT orders_buyer_id_fkey FOREIGN KEY (buyer_id) REFERENCES customers (id) NOT VALID;
        CREATE TABLE notes (id integer NOT NULL, body text);
        INSERT INTO customers SELECT i, 'c' || i FROM generate_series(1, 5) i;
        INSERT INTO orders SELECT i, 'r' || i, i, NULL, 1 + i % 5, 1 + i % 5, int4range(i, i + 1), i FROM generate_series(1, 20) i;
        INSERT INTO notes SELECT i, 'n' || i FROM generate_series(1, 10) i;
        """;

    private static IEnumerable<TestCaseData> InATransaction()
    {
        yield return Case("CREATE INDEX orders_note_idx ON orders (note)");
        yield return Case("CREATE UNIQUE INDEX orders_seq_key ON orders (seq)");
        yield return Case("DROP INDEX orders_ref_idx");
        yield return Case("CREATE TABLE refunds (id integer PRIMARY KEY, amount numeric)");
        yield return Case("CREATE TABLE refunds (id integer, order_id integer REFERENCES orders (id))");
        yield return Case("CREATE TABLE archive AS SELECT * FROM notes");
        yield return Case("CREATE TABLE archive (LIKE notes)");
        yield return Case("ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id)");
        yield return Case("ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID");
        yield return Case("ALTER TABLE orders ADD CONSTRAINT orders_seq_positive CHECK (seq > 0)");
        yield return Case("ALTER TABLE orders ADD CONSTRAINT orders_seq_key UNIQUE (seq)");
        yield return Case("ALTER TABLE notes ADD CONSTRAINT notes_pkey PRIMARY KEY (id)");
        yield return Case("ALTER TABLE orders ADD CONSTRAINT orders_seq_key UNIQUE USING INDEX orders_seq_idx", setup: "CREATE UNIQUE INDEX orders_seq_idx ON orders (seq);");
        yield return Case("ALTER TABLE orders ADD CONSTRAINT orders_during_excl EXCLUDE USING gist (during WITH &&)");
        yield return Case("ALTER TABLE orders ADD COLUMN flag boolean NOT NULL DEFAULT false");
        yield return Case("ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid()");
        yield return Case("ALTER TABLE orders ADD COLUMN seller_id integer REFERENCES customers (id)");
        yield return Case("ALTER TABLE orders DROP COLUMN note");
        yield return Case("ALTER TABLE orders ALTER COLUMN seq TYPE bigint");
        yield return Case("ALTER TABLE orders ALTER COLUMN seq SET NOT NULL");
        yield return Case("ALTER TABLE orders VALIDATE CONSTRAINT orders_amount_positive");
        yield return Case("ALTER TABLE orders VALIDATE CONSTRAINT orders_buyer_id_fkey");
        yield return Case("ALTER TABLE orders DROP CONSTRAINT orders_amount_positive");
        yield return Case("ALTER TABLE orders DROP CONSTRAINT orders_buyer_id_fkey");
        yield return Case("ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey");
        yield return Case("ALTER TABLE orders RENAME COLUMN note TO remark");
        yield return Case("ALTER TABLE orders RENAME TO purchases");
        yield return Case("ALTER TABLE orders RENAME CONSTRAINT orders_amount_positive TO orders_amount_above_zero");
        yield return Case("ALTER TABLE orders ALTER COLUMN seq SET STATISTICS 200");
        yield return Case("ALTER TABLE orders SET (fillfactor = 90)");
        yield return Case("ALTER TABLE orders CLUSTER ON orders_ref_idx");
        yield return Case("ALTER TABLE orders DISABLE TRIGGER USER");
        yield return Case("ALTER TABLE orders ALTER COLUMN seq SET DEFAULT 0");
        yield return Case("ALTER TABLE notes SET UNLOGGED");
        yield return Case("ALTER TABLE notes SET LOGGED", setup: "ALTER TABLE notes SET UNLOGGED;");
        yield return Case("DROP TABLE notes");
        yield return Case("DROP TABLE orders");
        yield return Case("TRUNCATE notes");
        yield return Case("TRUNCATE orders");
        foreach (var mode in Enum.GetValues<LockMode>())
        {
            yield return Case($"LOCK TABLE notes IN {mode.ToSql()} MODE");
        }

        yield return Case("LOCK notes");
        yield return Case("CLUSTER orders USING orders_ref_idx");
        yield return Case("REINDEX TABLE orders");
        yield return Case("REINDEX INDEX orders_ref_idx");
        yield return Case("ANALYZE orders");
        yield return Case("UPDATE notes SET body = ''");
        yield return Case("UPDATE orders SET note = n.body FROM notes n WHERE n.id = orders.id");
        yield return Case("DELETE FROM notes WHERE id IN (SELECT id FROM orders)");
        yield return Case("DELETE FROM orders USING notes WHERE notes.id = orders.id");
        yield return Case("INSERT INTO notes SELECT id + 100, ref FROM orders");
        yield return Case("INSERT INTO orders (id, ref, customer_id) VALUES (100, 'x', 1)");
        yield return Case("DO $$ BEGIN IF true THEN UPDATE notes SET body = ''; END IF; END $$");
        yield return Case("SET LOCAL lock_timeout = '1s'");
    }

    /// <summary>Statements that cannot run in a transaction, and the table they are made to wait for.</summary>
    private static IEnumerable<TestCaseData> OutsideATransaction()
    {
        yield return Waiting("CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note)", "orders");
        yield return Waiting("DROP INDEX CONCURRENTLY orders_ref_idx", "orders");
        yield return Waiting("REINDEX TABLE CONCURRENTLY orders", "orders");
        yield return Waiting("REINDEX INDEX CONCURRENTLY orders_ref_idx", "orders");
        yield return Waiting("VACUUM orders", "orders");
        yield return Waiting("VACUUM FULL orders", "orders");
        yield return Waiting("VACUUM ANALYZE notes", "notes");
    }

    /// <summary>Statements lint reads as harmless: known, and taking no lock that blocks a query.</summary>
    private static IEnumerable<TestCaseData> Harmless()
    {
        yield return Case("SET statement_timeout = '1min'");
        yield return Case("SELECT count(*) FROM orders JOIN customers ON customers.id = orders.customer_id");
        yield return Case("COMMENT ON TABLE orders IS 'what customers bought'");
        yield return Case("COMMENT ON COLUMN orders.note IS 'free text'");
        yield return Case("GRANT SELECT ON orders TO PUBLIC");
        yield return Case("REVOKE ALL ON notes FROM PUBLIC");
        yield return Case("CREATE TYPE side AS ENUM ('BUY', 'SELL')");
        yield return Case("CREATE SEQUENCE notes_seq");
        yield return Case("CREATE VIEW order_refs AS SELECT id, ref FROM orders");
        yield return Case("CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE notes SET body = ''; RETURN NEW; END $$");
        yield return Case("DO $guard$ DECLARE n bigint; BEGIN SELECT count(*) INTO n FROM orders WHERE amount < 0; IF n > 0 THEN RAISE EXCEPTION 'negative: %', n; END IF; END $guard$");
    }

    [TestCaseSource(nameof(InATransaction))]
    public void The_lock_lint_says_a_statement_takes_is_the_one_postgresql_holds_in_its_transaction(string sql, string setup)
    {
        using var database = Prepared(setup);
        using var session = database.Open();
        using var observer = database.Open();
        using var transaction = session.BeginTransaction();
        Execute(session, transaction, sql);

        var taken = Taken(observer, session.ProcessID, (session, transaction));
        var hazards = Linter(setup).Lint([new GeneratedSql(sql, Raw: true)], transactional: true).Hazards.Where(h => h.Table is not null).ToList();
        var blocked = hazards.Select(h => h.Table!.Value.Name).Distinct().ToDictionary(t => t, t => Blocked(observer, t));
        transaction.Rollback();

        Agree(sql, setup, taken, transactional: true);
        foreach (var hazard in hazards)
        {
            Assert.That(hazard.Blocks, Is.EqualTo(blocked[hazard.Table!.Value.Name]), $"what {hazard.Rule} says it blocks on {hazard.Table}");
        }
    }

    [TestCaseSource(nameof(OutsideATransaction))]
    public void The_lock_lint_says_a_statement_outside_a_transaction_takes_is_the_one_postgresql_makes_it_wait_for(string sql, string waitFor)
    {
        var taken = new Dictionary<string, LockMode>();

        // Held SHARE UPDATE EXCLUSIVE, the table makes the statement wait at the first lock it asks for that is as strong
        // or stronger; held ROW EXCLUSIVE, at the first that is SHARE or stronger, if it asks for one at all.
        Strongest(taken, WaitedFor(sql, waitFor, LockMode.ShareUpdateExclusive));
        Strongest(taken, WaitedFor(sql, waitFor, LockMode.RowExclusive));

        Agree(sql, setup: "", taken, transactional: false);
    }

    [TestCaseSource(nameof(Harmless))]
    public void A_statement_lint_reads_as_harmless_takes_no_lock_that_blocks_a_query(string sql, string setup)
    {
        using var database = Prepared(setup);
        using var session = database.Open();
        using var observer = database.Open();
        using var transaction = session.BeginTransaction();
        Execute(session, transaction, sql);

        var taken = Taken(observer, session.ProcessID, (session, transaction));
        transaction.Rollback();

        var linted = Linter(setup).Lint([new GeneratedSql(sql, Raw: true)], transactional: true);
        Assert.That(Said(sql, setup).Acts, Is.Empty, "lint reads it as doing nothing to a table");
        Assert.That(linted.NotAnalysed, Is.Empty);
        Assert.That(linted.Hazards, Is.Empty);
        Assert.That(taken.Where(t => t.Value.Blocks() != BlockedQueries.None), Is.Empty, $"PostgreSQL took {Shown(taken)}");
    }

    [Test]
    public void Every_kind_of_statement_lint_reads_is_asked_of_postgresql()
    {
        var asked = InATransaction().Select(c => Said((string)c.Arguments[0]!, (string)c.Arguments[1]!))
            .Concat(OutsideATransaction().Select(c => Said((string)c.Arguments[0]!, setup: "")))
            .SelectMany(said => said.Acts)
            .SelectMany(act => new[] { act.GetType().Name, KindOf(act) })
            .ToHashSet();
        var kinds = typeof(StatementAct).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(StatementAct)) && !t.IsAbstract && t != typeof(NotAnalysed))
            .Select(t => t.Name)
            .Concat(Enum.GetValues<ConstraintKind>().Select(k => $"{nameof(ConstraintAdded)} {k}"))
            .Concat(Enum.GetValues<DataChangeKind>().Select(k => $"{nameof(RowsChanged)} {k}"))
            .Concat(Enum.GetValues<LockMode>().Select(m => $"{nameof(TablesLocked)} {m}"))
            .Concat(Enum.GetValues<LockMode>().Where(m => m is LockMode.ShareUpdateExclusive or LockMode.ShareRowExclusive or LockMode.AccessExclusive).Select(m => $"{nameof(OtherAlteration)} {m}"))
            .Concat([$"{nameof(IndexCreated)} concurrently", $"{nameof(IndexesDropped)} concurrently", $"{nameof(Reindexed)} concurrently", $"{nameof(TablesVacuumed)} full"]);

        Assert.That(kinds.Except(asked), Is.Empty);
    }

    private static TestCaseData Case(string sql, string setup = "") => new TestCaseData(sql, setup).SetArgDisplayNames(Display(sql));

    private static TestCaseData Waiting(string sql, string waitFor) => new TestCaseData(sql, waitFor).SetArgDisplayNames(Display(sql));

    private static string Display(string sql) => sql.Length <= 80 ? sql : sql[..77] + "...";

    private static string KindOf(StatementAct act) => act switch
    {
        ConstraintAdded added => $"{nameof(ConstraintAdded)} {added.Kind}",
        RowsChanged changed => $"{nameof(RowsChanged)} {changed.Kind}",
        TablesLocked locked => $"{nameof(TablesLocked)} {locked.Mode}",
        OtherAlteration other => $"{nameof(OtherAlteration)} {other.Taken}",
        IndexCreated { Concurrently: true } or IndexesDropped { Concurrently: true } or Reindexed { Concurrently: true } => $"{act.GetType().Name} concurrently",
        TablesVacuumed { Full: true } => $"{nameof(TablesVacuumed)} full",
        _ => act.GetType().Name,
    };

    /// <summary>
    /// The locks <paramref name="sql"/> holds and waits for on the tables when it first waits, run while another session
    /// holds <paramref name="table"/> in <paramref name="held"/> mode; none when it never waits.
    /// </summary>
    private static Dictionary<string, LockMode> WaitedFor(string sql, string table, LockMode held)
    {
        using var database = Prepared(setup: "");
        using var session = database.Open();
        using var observer = database.Open();
        using var holder = database.Open();
        using var hold = holder.BeginTransaction();
        Execute(holder, hold, $"LOCK TABLE {table} IN {held.ToSql()} MODE");
        var pid = session.ProcessID;
        var running = Task.Run(() => Execute(session, null, sql));
        using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE pid = @pid AND NOT granted", observer);
        waiting.Parameters.AddWithValue("pid", pid);
        var started = DateTime.UtcNow;
        while (!running.IsCompleted && (long)waiting.ExecuteScalar()! == 0)
        {
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(30)), $"{sql} neither waited nor ended");
            Thread.Sleep(10);
        }

        var taken = running.IsCompleted ? [] : Taken(observer, pid, resolver: null);
        hold.Rollback();
        running.GetAwaiter().GetResult();
        return taken;
    }

    /// <summary>
    /// What the application's queries on <paramref name="table"/> wait for now, asked by <paramref name="observer"/>
    /// with a short lock_timeout: a read (SELECT), a write (an UPDATE of every row that changes nothing).
    /// </summary>
    private static BlockedQueries Blocked(NpgsqlConnection observer, string table)
    {
        bool Waits(string query)
        {
            using var probe = observer.BeginTransaction();
            try
            {
                Execute(observer, probe, $"SET LOCAL lock_timeout = '200ms'; {query}");
                return false;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                return true;
            }
        }

        return Waits($"SELECT count(*) FROM {table}") ? BlockedQueries.ReadsAndWrites
            : Waits($"UPDATE {table} SET id = id") ? BlockedQueries.Writes
            : BlockedQueries.None;
    }

    private static TestDatabase Prepared(string setup)
    {
        var database = TestDatabase.Create();
        database.Execute(Fixture + setup);
        return database;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The strongest lock session <paramref name="pid"/> holds or waits for on each table, as pg_locks shows it to
    /// <paramref name="observer"/>; a table the statement created is not in the observer's catalog yet, and is named by
    /// the session itself (<paramref name="resolver"/>).
    /// </summary>
    private static Dictionary<string, LockMode> Taken(NpgsqlConnection observer, int pid, (NpgsqlConnection Session, NpgsqlTransaction Transaction)? resolver)
    {
        var rows = new List<(uint Oid, string? Name, LockMode Mode)>();
        using (var command = new NpgsqlCommand("""
            SELECT l.relation, c.relname, l.mode FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation
             WHERE l.pid = @pid AND l.locktype = 'relation'
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND (c.oid IS NULL OR c.relkind IN ('r', 'p') AND c.relnamespace = 'public'::regnamespace)
            """, observer))
        {
            command.Parameters.AddWithValue("pid", pid);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetFieldValue<uint>(0), reader.IsDBNull(1) ? null : reader.GetString(1), Enum.Parse<LockMode>(reader.GetString(2)[..^"Lock".Length])));
            }
        }

        var taken = new Dictionary<string, LockMode>();
        foreach (var (oid, name, mode) in rows)
        {
            if ((name ?? NameInSession(resolver, oid)) is { } table)
            {
                Strongest(taken, new Dictionary<string, LockMode> { [table] = mode });
            }
        }

        return taken;
    }

    private static string? NameInSession((NpgsqlConnection Session, NpgsqlTransaction Transaction)? resolver, uint oid)
    {
        if (resolver is not var (session, transaction))
        {
            return null;
        }

        using var command = new NpgsqlCommand("SELECT relname FROM pg_class WHERE oid = @oid AND relkind IN ('r', 'p') AND relnamespace = 'public'::regnamespace", session, transaction);
        command.Parameters.AddWithValue("oid", NpgsqlDbType.Oid, oid);
        return command.ExecuteScalar() as string;
    }

    private static void Strongest(Dictionary<string, LockMode> into, Dictionary<string, LockMode> locks)
    {
        foreach (var (table, mode) in locks)
        {
            into[table] = into.TryGetValue(table, out var held) && held > mode ? held : mode;
        }
    }

    private static LockLinter Linter(string setup)
    {
        var linter = new LockLinter("public", TimeSpan.FromSeconds(5));
        linter.Learn([new GeneratedSql(Fixture + setup, Raw: true)]);
        return linter;
    }

    /// <summary>What lint reads in <paramref name="sql"/> after the fixture, and the strongest lock it says it takes on each table.</summary>
    private static (List<StatementAct> Acts, Dictionary<string, LockMode> Locks) Said(string sql, string setup)
    {
        var linter = Linter(setup);
        var acts = StatementReader.Statements(sql).SelectMany(s => StatementReader.Read(s, "public")).ToList();
        var locks = new Dictionary<string, LockMode>();
        foreach (var act in acts)
        {
            Strongest(locks, linter.Locks(act).GroupBy(l => l.Table.Name).ToDictionary(g => g.Key, g => g.Max(l => l.Lock)));
        }

        return (acts, locks);
    }

    /// <summary>
    /// Lint's locks are PostgreSQL's on every table it names, and on no other but reads; each finding's lock is
    /// PostgreSQL's on its table.
    /// </summary>
    private static void Agree(string sql, string setup, Dictionary<string, LockMode> postgres, bool transactional)
    {
        var (acts, said) = Said(sql, setup);
        var expected = postgres.Where(p => said.ContainsKey(p.Key) || p.Value > LockMode.RowShare).ToDictionary();

        Assert.That(acts, Has.None.InstanceOf<NotAnalysed>(), "lint reads it");
        Assert.That(Shown(said), Is.EqualTo(Shown(expected)), $"lint's locks (actual) are not PostgreSQL's (expected); PostgreSQL took {Shown(postgres)}");
        foreach (var hazard in Linter(setup).Lint([new GeneratedSql(sql, Raw: true)], transactional).Hazards.Where(h => h.Table is not null))
        {
            Assert.That(hazard.Lock, Is.EqualTo(postgres.GetValueOrDefault(hazard.Table!.Value.Name)), $"the lock {hazard.Rule} prints on {hazard.Table}");
        }
    }

    private static string Shown(Dictionary<string, LockMode> locks) => string.Join(", ", locks.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key} {l.Value.ToSql()}"));
}

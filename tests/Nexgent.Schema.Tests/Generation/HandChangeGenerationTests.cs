using Nexgent.Schema.Migrations.Versions;
using Nexgent.Schema.Runner.Generation;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Generation;

/// <summary>
/// A database at Nexgent's latest version, changed by hand in one of the ways a migration author does, gives a
/// migration (generated and proven as <c>new --from-db</c> does) whose round trip passes on top of Nexgent's migrations;
/// and the class says it in the building blocks a person would use.
/// </summary>
public sealed class HandChangeGenerationTests
{
    public static IEnumerable<TestCaseData> Changes()
    {
        yield return Case("a table with its columns in order, a primary key, a unique and a plain index, a foreign key that sets null", """
            CREATE TABLE notifications (id uuid NOT NULL, user_id uuid, title varchar(120) NOT NULL, body text, sent_at timestamptz(3), CONSTRAINT notifications_pkey PRIMARY KEY (id));
            CREATE UNIQUE INDEX notifications_title_key ON notifications (title);
            CREATE INDEX notifications_user_id_sent_at_idx ON notifications (user_id, sent_at);
            ALTER TABLE notifications ADD CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE;
            """,
            "Create.UniqueIndexOn(\"notifications\", \"title\");", "Create.ForeignKeyOn(\"notifications\", \"user_id\", \"users\", onDelete: Rule.SetNull);", ".AsTimestampTz(precision: 3)");
        yield return Case("a column added with a default, another dropped", """
            ALTER TABLE agents ADD COLUMN max_positions integer NOT NULL DEFAULT 5;
            ALTER TABLE agent_transactions DROP COLUMN network_fee_sol;
            """,
            "Alter.Table(\"agents\").AddColumn(\"max_positions\").AsInt32().NotNullable().WithDefaultValue(5);", "Delete.Column(\"network_fee_sol\").FromTable(\"agent_transactions\");",
            "[LosesData(MigrationDirection.Up, \"agent_transactions.network_fee_sol is dropped with its values.\")]");
        yield return Case("a table dropped with its indexes and foreign keys", "DROP TABLE signal_executions;",
            "Delete.Table(\"signal_executions\");", "Create.UniqueIndexOn(\"signal_executions\", \"signal_id\", \"agent_id\");", "Create.ForeignKeyOn(\"signal_executions\", \"transaction_id\", \"agent_transactions\", onDelete: Rule.SetNull);");
        yield return Case("a column widened, made nullable, its default changed and another's dropped", """
            ALTER TABLE agents ALTER COLUMN trading_mode TYPE varchar(40), ALTER COLUMN trading_mode DROP NOT NULL, ALTER COLUMN trading_mode SET DEFAULT 'live';
            ALTER TABLE users ALTER COLUMN failed_login_attempts DROP DEFAULT;
            """,
            "Alter.Column(\"trading_mode\").OnTable(\"agents\").AsString(40).Nullable().WithDefaultValue(\"live\");", "Delete.DefaultConstraint().OnTable(\"users\").OnColumn(\"failed_login_attempts\");");
        yield return Case("numeric columns widened", "ALTER TABLE agent_transactions ALTER COLUMN fees TYPE numeric(30,18), ALTER COLUMN slippage TYPE numeric(30,18);",
            "Execute.WidenNumeric(\"agent_transactions\", 30, 18, \"fees\", \"slippage\");", "Execute.NarrowNumeric(\"agent_transactions\", 10, 4, \"slippage\");");
        yield return Case("a column converted to a type that needs a cast", "ALTER TABLE agent_balances ALTER COLUMN balance TYPE numeric(40,0) USING balance::numeric(40,0);",
            "USING \\\"balance\\\"::numeric(40,0)", MigrationWriter.Review);
        yield return Case("an enum, a column of it with a default and an array of it", """
            CREATE TYPE "WalletKind" AS ENUM ('HOT', 'COLD');
            ALTER TABLE agent_wallets ADD COLUMN kind "WalletKind" NOT NULL DEFAULT 'HOT', ADD COLUMN kinds_seen "WalletKind"[];
            """,
            "Execute.CreateEnumType(\"WalletKind\", \"HOT\", \"COLD\");", ".AsEnum(\"WalletKind\").NotNullable().WithDefaultValue(\"HOT\")", "Execute.DropEnumType(\"WalletKind\");");
        yield return Case("a value added to an enum in use", "ALTER TYPE \"TransactionType\" ADD VALUE 'AIRDROP' BEFORE 'BURN';",
            "ADD VALUE 'AIRDROP' BEFORE 'BURN'", "CREATE TYPE \"TransactionType\" AS ENUM ('DEPOSIT', 'WITHDRAWAL', 'SWAP', 'BURN');");
        yield return Case("jsonb and text[] columns with their defaults", """
            ALTER TABLE users ADD COLUMN preferences jsonb NOT NULL DEFAULT '{}'::jsonb, ADD COLUMN tags text[] NOT NULL DEFAULT ARRAY[]::text[], ADD COLUMN roles text[] DEFAULT '{}';
            """,
            ".AsJsonb().NotNullable().WithDefaultValue(\"{}\")", ".AsTextArray().NotNullable().WithDefaultEmptyArray()", ".AsTextArray().Nullable().WithDefaultEmptyArrayLiteral()");
        yield return Case("a sequence, and a table with a serial key", """
            CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10;
            CREATE TABLE audit_events (id serial NOT NULL, invoice bigint NOT NULL DEFAULT nextval('invoice_numbers'), at timestamptz NOT NULL DEFAULT now(), CONSTRAINT audit_events_pkey PRIMARY KEY (id));
            """,
            "CREATE SEQUENCE \\\"invoice_numbers\\\" INCREMENT BY 10 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1;", ".WithColumn(\"id\").AsSerial().NotNullable().PrimaryKey(PrismaNames.PrimaryKey(\"audit_events\"))", ".WithDefaultSql(\"nextval('invoice_numbers'::regclass)\")");
        yield return Case("what the fluent API cannot say: a check, a partial index, a GIN index, a RESTRICT foreign key, a view, a function and its trigger", """
            ALTER TABLE agent_positions ADD CONSTRAINT agent_positions_amount_positive CHECK (purchase_amount > 0);
            CREATE INDEX agent_positions_open_idx ON agent_positions (agent_id) WHERE remaining_amount > 0;
            CREATE INDEX agents_trading_config_idx ON agents USING gin (trading_config);
            ALTER TABLE api_keys DROP CONSTRAINT api_keys_user_id_fkey, ADD CONSTRAINT api_keys_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT ON UPDATE CASCADE;
            CREATE VIEW agent_names AS SELECT id, name FROM agents;
            CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
            CREATE TRIGGER agents_touch BEFORE UPDATE ON agents FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
            """,
            "CHECK ((purchase_amount > (0)::numeric))", "WHERE (remaining_amount > (0)::numeric)", "USING gin (trading_config)", "ON DELETE RESTRICT", "CREATE VIEW agent_names AS", "CREATE TRIGGER agents_touch");
        yield return Case("an extension and an index of its operator class, a domain, identity and generated columns, row-level security with a policy, a materialized view", """
            CREATE EXTENSION pg_trgm;
            CREATE INDEX agents_name_trgm_idx ON agents USING gin (name gin_trgm_ops);
            CREATE DOMAIN sol_amount AS numeric(20,8) NOT NULL DEFAULT 0 CHECK (VALUE >= 0);
            CREATE TABLE ledger (id bigint GENERATED ALWAYS AS IDENTITY, n integer GENERATED BY DEFAULT AS IDENTITY, amount sol_amount,
                                 doubled numeric GENERATED ALWAYS AS (amount * 2) STORED, CONSTRAINT ledger_pkey PRIMARY KEY (id));
            ALTER TABLE agents ENABLE ROW LEVEL SECURITY;
            CREATE POLICY agents_own ON agents FOR SELECT USING (user_id IS NOT NULL);
            CREATE MATERIALIZED VIEW agent_counts AS SELECT user_id, count(*) AS n FROM agents GROUP BY user_id;
            """,
            "CREATE EXTENSION IF NOT EXISTS pg_trgm;", ".AsCustom(\"bigint GENERATED ALWAYS AS IDENTITY\")", "CREATE POLICY agents_own ON agents", "DROP EXTENSION pg_trgm;");
        yield return Case("a unique constraint rather than an index", "ALTER TABLE agent_wallets ADD CONSTRAINT agent_wallets_type_address_key UNIQUE (wallet_type, wallet_address);",
            "Create.UniqueConstraint(\"agent_wallets_type_address_key\").OnTable(\"agent_wallets\").Columns(\"wallet_type\", \"wallet_address\");");
    }

    [TestCaseSource(nameof(Changes))]
    public void A_database_changed_by_hand_gives_a_migration_whose_round_trip_passes(string sql, string[] expected)
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute(sql);

        var (result, assembly) = Generated.FromDatabase(database);

        Assert.That(result.Source, Does.Contain(expected[0]), result.Source);
        foreach (var part in expected.Skip(1))
        {
            Assert.That(result.Source, Does.Contain(part), result.Source);
        }

        new MigrationsUnderTest([typeof(Init).Assembly, assembly]).RoundTrip(TestServer.Current, Generated.Version);
    }

    [Test]
    public void A_confirmed_rename_is_a_rename_and_an_unconfirmed_one_a_drop_and_an_add()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("ALTER TABLE agents RENAME COLUMN trading_config TO settings; ALTER TABLE api_keys RENAME TO access_keys;");

        var (asked, _) = Generated.FromDatabase(database, confirm: candidate => candidate.Column is not null);
        var (confirmed, assembly) = Generated.FromDatabase(database, Renames.Parse(["api_keys=access_keys", "agents.trading_config=settings"]));

        Assert.That(asked.Source, Does.Contain("Rename.Column(\"trading_config\").OnTable(\"agents\").To(\"settings\");").And.Contain("Delete.Table(\"api_keys\");"), asked.Source);
        Assert.That(asked.Unconfirmed.Select(c => c.Option), Is.EqualTo(new[] { "api_keys=access_keys" }));
        Assert.That(confirmed.Source, Does.Contain("Rename.Table(\"api_keys\").To(\"access_keys\");").And.Not.Contain("Delete.Table"), confirmed.Source);
        Assert.That(confirmed.Source, Does.Not.Contain("LosesData"), "a rename loses nothing");
        new MigrationsUnderTest([typeof(Init).Assembly, assembly]).RoundTrip(TestServer.Current, Generated.Version);
    }

    private static TestCaseData Case(string name, string sql, params string[] expected)
        => new TestCaseData(sql, expected).SetArgDisplayNames(name);
}

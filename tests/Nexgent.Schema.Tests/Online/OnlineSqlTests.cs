using System.Data;
using System.Globalization;
using FluentMigrator.Builders.Execute;
using Nexgent.Schema.Postgres;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Safety;
using NUnit.Framework;

using static Nexgent.Schema.Tests.Online.OnlineDatabase;

namespace Nexgent.Schema.Tests.Online;

/// <summary>The SQL each online building block writes, with no server: names quoted as written, what runs in which order.</summary>
public sealed class OnlineSqlTests
{
    [Test]
    public void A_concurrent_index_drops_what_a_failed_build_left_then_builds_with_names_quoted_as_written()
    {
        Assert.That(SqlOf(e => e.CreateIndexConcurrently("trades_accountId_created_at_idx", "trades", "accountId", "created_at")), Is.EqualTo(new[]
        {
            "SET lock_timeout = 0;",
            "DROP INDEX CONCURRENTLY IF EXISTS \"trades_accountId_created_at_idx\";",
            "CREATE INDEX CONCURRENTLY \"trades_accountId_created_at_idx\" ON \"trades\" (\"accountId\", \"created_at\");",
            "RESET lock_timeout;",
        }));
        Assert.That(SqlOf(e => e.CreateUniqueIndexConcurrently("Trades_ref_key", "Trades", "ref")), Is.EqualTo(new[]
        {
            "SET lock_timeout = 0;",
            "DROP INDEX CONCURRENTLY IF EXISTS \"Trades_ref_key\";",
            "CREATE UNIQUE INDEX CONCURRENTLY \"Trades_ref_key\" ON \"Trades\" (\"ref\");",
            "RESET lock_timeout;",
        }));
        Assert.That(SqlOf(e => e.DropIndexConcurrently("odd\"name")), Is.EqualTo(new[] { "SET lock_timeout = 0;", "DROP INDEX CONCURRENTLY IF EXISTS \"odd\"\"name\";", "RESET lock_timeout;" }));
        Assert.That(() => SqlOf(e => e.CreateIndexConcurrently("trades_idx", "trades")), Throws.ArgumentException.With.Message.StartsWith("An index needs at least one column."));
    }

    [Test]
    public void A_foreign_key_not_valid_has_prismas_name_and_cascades_unless_told_otherwise()
    {
        Assert.That(SqlOf(e => e.AddForeignKeyNotValid("trades", "accountId", "Accounts")), Is.EqualTo(new[]
        {
            "ALTER TABLE \"trades\" ADD CONSTRAINT \"trades_accountId_fkey\" FOREIGN KEY (\"accountId\") REFERENCES \"Accounts\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE NOT VALID;",
        }));
        Assert.That(SqlOf(e => e.AddForeignKeyNotValid("trades", "signal_id", "signals", "signal_id", onDelete: Rule.SetNull, onUpdate: Rule.None, name: "trades_signal_fk")), Is.EqualTo(new[]
        {
            "ALTER TABLE \"trades\" ADD CONSTRAINT \"trades_signal_fk\" FOREIGN KEY (\"signal_id\") REFERENCES \"signals\" (\"signal_id\") ON DELETE SET NULL NOT VALID;",
        }));
        Assert.That(SqlOf(e => e.AddForeignKeyNotValid("t", "c", "r", onDelete: Rule.SetDefault)).Single(), Does.Contain(" ON DELETE SET DEFAULT ON UPDATE CASCADE NOT VALID;"));
        Assert.That(() => SqlOf(e => e.AddForeignKeyNotValid(new string('t', 40), new string('c', 20), "r")), Throws.ArgumentException.With.Message.Contains("give the index or constraint a shorter name"));
    }

    [Test]
    public void Checks_are_added_not_valid_validated_unvalidated_and_dropped()
    {
        Assert.That(SqlOf(e =>
        {
            e.AddCheckNotValid("Trades", "Trades_amount_positive", "amount > 0");
            e.ValidateConstraint("Trades", "Trades_amount_positive");
            e.DropConstraint("Trades", "Trades_amount_positive");
        }), Is.EqualTo(new[]
        {
            "ALTER TABLE \"Trades\" ADD CONSTRAINT \"Trades_amount_positive\" CHECK (amount > 0) NOT VALID;",
            "ALTER TABLE \"Trades\" VALIDATE CONSTRAINT \"Trades_amount_positive\";",
            "ALTER TABLE \"Trades\" DROP CONSTRAINT \"Trades_amount_positive\";",
        }));
    }

    [Test]
    public void Unvalidating_a_constraint_adds_it_again_not_valid_from_its_own_definition()
    {
        Assert.That(SqlOf(e => e.UnvalidateConstraint("O'Trades", "O'Trades_accountId_fkey")).Single(), Is.EqualTo("""
            DO $unvalidate$
            DECLARE definition text;
            BEGIN
              SELECT pg_get_constraintdef(oid) INTO STRICT definition FROM pg_constraint
               WHERE conrelid = '"O''Trades"'::regclass AND conname = 'O''Trades_accountId_fkey';
              EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I, ADD CONSTRAINT %I %s NOT VALID', 'O''Trades', 'O''Trades_accountId_fkey', 'O''Trades_accountId_fkey', definition);
            END
            $unvalidate$;
            """));
    }

    [Test]
    public void Set_not_null_online_goes_through_a_validated_check_in_four_statements()
    {
        Assert.That(SqlOf(e => e.SetNotNullOnline("Trades", "accountFee")), Is.EqualTo(new[]
        {
            "ALTER TABLE \"Trades\" DROP CONSTRAINT IF EXISTS \"Trades_accountFee_not_null_check\", ADD CONSTRAINT \"Trades_accountFee_not_null_check\" CHECK (\"accountFee\" IS NOT NULL) NOT VALID;",
            "ALTER TABLE \"Trades\" VALIDATE CONSTRAINT \"Trades_accountFee_not_null_check\";",
            "ALTER TABLE \"Trades\" ALTER COLUMN \"accountFee\" SET NOT NULL;",
            "ALTER TABLE \"Trades\" DROP CONSTRAINT \"Trades_accountFee_not_null_check\";",
        }));
        Assert.That(SqlOf(e => e.DropNotNull("Trades", "accountFee")), Is.EqualTo(new[] { "ALTER TABLE \"Trades\" ALTER COLUMN \"accountFee\" DROP NOT NULL;" }));
    }

    [Test]
    public void A_batched_backfill_is_one_do_block_that_commits_each_batch_and_reports_its_progress()
    {
        Assert.That(SqlOf(e => e.BackfillInBatches("Trades", "fee = round(amount * 0.001, 2)", "fee IS NULL", batchSize: 500, pause: TimeSpan.FromMilliseconds(250))).Single(), Is.EqualTo("""
            DO $backfill$
            #variable_conflict use_column
            DECLARE
              batch bigint;
              unfilled bigint;
              total bigint := 0;
            BEGIN
              LOOP
                WITH filled AS (
                  UPDATE "Trades" SET fee = round(amount * 0.001, 2)
                   WHERE (fee IS NULL)
                     AND ctid = ANY (ARRAY(SELECT ctid FROM "Trades" WHERE (fee IS NULL) LIMIT 500 FOR UPDATE))
                  RETURNING (fee IS NULL) AS still
                )
                SELECT count(*), count(*) FILTER (WHERE still) INTO batch, unfilled FROM filled;
                IF unfilled > 0 THEN
                  RAISE EXCEPTION 'Backfill of %: % row(s) of a batch still match "%" after "SET %", so it would never end.', 'Trades', unfilled, 'fee IS NULL', 'fee = round(amount * 0.001, 2)'
                    USING HINT = 'Make the SET clause fill what the WHERE clause looks for.';
                END IF;
                EXIT WHEN batch = 0;
                total := total + batch;
                COMMIT;
                RAISE NOTICE '%: % rows updated so far', 'Trades', total;
                PERFORM pg_sleep(0.25);
              END LOOP;
              RAISE NOTICE '%: done, % rows updated', 'Trades', total;
            END
            $backfill$;
            """.ReplaceLineEndings(Environment.NewLine)));
    }

    [Test]
    public void A_backfill_quotes_the_literals_it_reports_and_pauses_only_when_asked_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var sql = SqlOf(e => e.BackfillInBatches("it's", "note = 'n/a'", "note IS NULL", pause: TimeSpan.FromSeconds(1.5))).Single();
            Assert.That(sql, Does.Contain("PERFORM pg_sleep(1.5);").And.Contain("LIMIT 1000 FOR UPDATE").And.Contain("'it''s', unfilled, 'note IS NULL', 'note = ''n/a'''"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.That(SqlOf(e => e.BackfillInBatches("t", "a = 1", "a IS NULL")).Single(), Does.Not.Contain("pg_sleep"));
        Assert.That(() => SqlOf(e => e.BackfillInBatches("t", "a = 1", "a IS NULL", batchSize: 0)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => SqlOf(e => e.BackfillInBatches("t", "a = 1", "a IS NULL", pause: TimeSpan.FromSeconds(-1))), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void The_runner_knows_which_blocks_cannot_run_in_a_transaction()
    {
        string[] What(Action<IExecuteExpressionRoot> build) => [.. SqlOf(build).SelectMany(OutsideTransaction.In).Distinct()];

        Assert.That(What(e => e.CreateUniqueIndexConcurrently("t_a_key", "t", "a")), Is.EqualTo(new[] { "DROP INDEX CONCURRENTLY", "CREATE UNIQUE INDEX CONCURRENTLY" }));
        Assert.That(What(e => e.BackfillInBatches("t", "a = 1", "a IS NULL")), Is.EqualTo(new[] { "COMMIT inside a DO block" }));
        Assert.That(What(e =>
        {
            e.AddForeignKeyNotValid("t", "r_id", "r");
            e.AddCheckNotValid("t", "t_a_positive", "a > 0");
            e.ValidateConstraint("t", "t_a_positive");
            e.UnvalidateConstraint("t", "t_a_positive");
            e.SetNotNullOnline("t", "a");
            e.DropNotNull("t", "a");
        }), Is.Empty, "these run in a transaction too (though SetNotNullOnline only keeps writers going outside one)");
    }

    [TestCase("CREATE INDEX CONCURRENTLY i ON t (a)", "CREATE INDEX CONCURRENTLY")]
    [TestCase("create  unique\n index concurrently if not exists i on t (a)", "CREATE UNIQUE INDEX CONCURRENTLY")]
    [TestCase("REINDEX (VERBOSE) TABLE CONCURRENTLY t", "REINDEX CONCURRENTLY")]
    [TestCase("ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY", "DETACH PARTITION CONCURRENTLY")]
    [TestCase("VACUUM ANALYZE t", "VACUUM")]
    [TestCase("DO $$ BEGIN UPDATE t SET a = 1; IF true THEN COMMIT; END IF; END $$", "COMMIT inside a DO block")]
    [TestCase("-- CREATE INDEX CONCURRENTLY in a comment\nCREATE INDEX i ON t (a)", null)]
    [TestCase("INSERT INTO notes VALUES ('VACUUM; COMMIT')", null)]
    [TestCase("CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN UPDATE t SET a = 1; COMMIT; END $$", null)]
    [TestCase("CREATE INDEX i ON t (concurrently)", null)]
    public void Statements_that_cannot_run_in_a_transaction_are_read_from_code_only(string sql, string? what)
        => Assert.That(OutsideTransaction.In(sql).FirstOrDefault(), Is.EqualTo(what));

    [Test]
    public void The_data_loss_check_reads_the_backfill_as_an_update_of_the_columns_it_sets()
    {
        var sql = SqlOf(e => e.BackfillInBatches("trades", "fee = round(amount * 0.001, 2)", "fee IS NULL")).Single();

        var update = SqlEffects.Of(sql, "public").OfType<RowsUpdated>().Single();

        Assert.That(update.Table, Is.EqualTo(new QualifiedName("public", "trades")));
        Assert.That(update.Columns, Is.EqualTo(new[] { "fee" }));
    }
}

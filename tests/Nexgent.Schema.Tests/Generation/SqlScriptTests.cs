using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Generation;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Generation;

/// <summary>A Prisma migration's SQL read as the server runs it, and its folder's name as a version, with no server.</summary>
public sealed class SqlScriptTests
{
    [Test]
    public void A_DO_block_is_one_statement_and_Prismas_BEGIN_and_COMMIT_are_left_out()
    {
        const string sql = """
            BEGIN;
            -- Backfill
            DO $$ BEGIN UPDATE t SET a = 1; UPDATE t SET b = 2; END $$;
            ALTER TABLE t ADD COLUMN c int;
            COMMIT;
            """;

        var statements = SqlScript.Statements(sql);

        Assert.That(statements.Select(SqlScript.Text), Is.EqualTo(new[] { "DO $$ BEGIN UPDATE t SET a = 1; UPDATE t SET b = 2; END $$;", "ALTER TABLE t ADD COLUMN c int;" }));
        Assert.That(statements.Select(SqlScript.ChangesRows), Is.EqualTo(new[] { true, false }));
    }

    [TestCase("UPDATE \"Order\" SET total = 0", true)]
    [TestCase("insert into t values (1)", true)]
    [TestCase("DELETE FROM t WHERE id = 1", true)]
    [TestCase("TRUNCATE t", true)]
    [TestCase("ALTER TABLE t ALTER COLUMN a TYPE numeric(20,8) USING a * 2", true)]
    [TestCase("ALTER TABLE t ALTER COLUMN a TYPE numeric(20,8)", false)]
    [TestCase("CREATE INDEX t_a_idx ON t USING gin (a)", false)]
    [TestCase("CREATE TABLE t (note text DEFAULT 'UPDATE me')", false)]
    public void A_statement_that_changes_rows_is_told_from_one_that_changes_the_schema(string statement, bool changesRows)
        => Assert.That(SqlScript.ChangesRows(SqlScript.Statements(statement).Single()), Is.EqualTo(changesRows));

    [Test]
    public void Prisma_folders_run_in_the_order_of_their_names_each_version_its_timestamp()
    {
        var folder = Directory.CreateTempSubdirectory("prisma-").FullName;
        try
        {
            foreach (var name in new[] { "20240102000000_second", "20240101000000_init", "20240103000000_AddUsers" })
            {
                Directory.CreateDirectory(Path.Combine(folder, name));
                File.WriteAllText(Path.Combine(folder, name, "migration.sql"), "SELECT 1;");
            }

            File.WriteAllText(Path.Combine(folder, "migration_lock.toml"), "provider = \"postgresql\"");
            Directory.CreateDirectory(Path.Combine(folder, "notes"));

            var migrations = PrismaFolder.Read(folder);

            Assert.That(migrations.Select(m => (m.Version, m.Description)), Is.EqualTo(new[] { (20240101000000L, "init"), (20240102000000L, "second"), (20240103000000L, "AddUsers") }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_folder_with_no_Prisma_migration_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("prisma-").FullName;
        try
        {
            var refused = Assert.Throws<SchemaRunnerException>(() => PrismaFolder.Read(folder))!;

            Assert.That(refused.Message, Is.EqualTo($"'{folder}' holds no Prisma migration (a folder with a migration.sql); give the Prisma migrations folder (prisma/migrations)."));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.UnitTests.Safety;

public sealed class RowsInsertedTests
{
    [TestCase("INSERT INTO archive (id) SELECT id FROM orders", true)]
    [TestCase("INSERT INTO archive (id) WITH o AS (SELECT id FROM orders) SELECT id FROM o", true)]
    [TestCase("COPY archive FROM STDIN", true)]
    [TestCase("INSERT INTO settings (name, value) VALUES ('currency', 'SOL')", false)]
    [TestCase("INSERT INTO settings (name, value) VALUES ('select', 'a SELECT in a literal')", false)]
    public void Rows_copied_from_other_rows_are_told_from_rows_the_migration_writes(string sql, bool copied)
        => Assert.That(SqlEffects.Of(sql, "public").OfType<RowsInserted>().Single().Copied, Is.EqualTo(copied));
}

using FluentMigrator;
using Nexgent.Schema.Runner.Journal;

namespace Nexgent.Schema.UnitTests.Journal;

public sealed class RunTimeValuesTests
{
    [Test]
    public void Two_identical_builds_are_hashed_as_they_are()
    {
        const string sql = "-- Up\nINSERT INTO \"public\".\"events\" (\"name\") VALUES ('a');\n";

        Assert.That(RunTimeValues.Mask(sql, sql, readsTheClock: false), Is.EqualTo(sql));
    }

    [Test]
    public void A_value_that_differs_between_two_builds_is_masked_and_the_rest_kept()
    {
        var first = "INSERT INTO \"events\" (\"id\", \"name\") VALUES ('6f1c0b9e-8d7e-4f55-9a57-0d1c2b3a4f5e', 'a');";
        var second = "INSERT INTO \"events\" (\"id\", \"name\") VALUES ('0b7a5c3d-1e2f-4a6b-8c9d-0e1f2a3b4c5d', 'a');";

        Assert.That(RunTimeValues.Mask(first, second, readsTheClock: false),
            Is.EqualTo($"INSERT INTO \"events\" (\"id\", \"name\") VALUES ({RunTimeValues.Varies}, 'a');"));
    }

    [Test]
    public void A_value_written_in_the_code_still_counts_next_to_one_that_varies()
    {
        var edited = RunTimeValues.Mask("VALUES ('2026-12-08T01:02:03.1234567', 'b')", "VALUES ('2026-12-08T01:02:03.1299999', 'b')", readsTheClock: false);
        var original = RunTimeValues.Mask("VALUES ('2026-12-09T07:00:00.0000001', 'a')", "VALUES ('2026-12-09T07:00:00.0000002', 'a')", readsTheClock: false);

        Assert.That(edited, Is.Not.EqualTo(original));
    }

    [Test]
    public void Builds_of_different_shapes_mask_the_lines_that_differ_whole()
    {
        var masked = RunTimeValues.Mask("-- Up\nVALUES (1, 2)\n-- Down", "-- Up\nVALUES (1, 2, 3)\n-- Down", readsTheClock: false);

        Assert.That(masked, Is.EqualTo($"-- Up\n{RunTimeValues.Varies}\n-- Down"));
    }

    [Test]
    public void In_code_that_reads_the_clock_every_date_and_time_literal_is_the_time_of_the_run()
    {
        const string sql = "VALUES ('2026-12-08', '2026-12-08T00:00:00', '2026-12-08 10:11:12.5+01:00', '2026-12-08x', 2026)";

        Assert.That(RunTimeValues.Mask(sql, sql, readsTheClock: true), Is.EqualTo(
            $"VALUES ('{RunTimeValues.TimeOfTheRun}', '{RunTimeValues.TimeOfTheRun}', '{RunTimeValues.TimeOfTheRun}', '2026-12-08x', 2026)"));
        Assert.That(RunTimeValues.Mask(sql, sql, readsTheClock: false), Is.EqualTo(sql), "a date written in code that reads no clock is a value like any other");
    }

    [TestCase(typeof(ReadsNowInALambda), true)]
    [TestCase(typeof(ReadsTodayInALocalFunction), true)]
    [TestCase(typeof(ReadsUtcNowInItsBaseClass), true)]
    [TestCase(typeof(ReadsDateTimeOffsetUtcNow), true)]
    [TestCase(typeof(WritesADate), false)]
    [TestCase(typeof(MakesAGuid), false)]
    public void Whether_a_migration_reads_the_clock_is_read_from_its_code(Type migration, bool readsTheClock)
        => Assert.That(RunTimeValues.ReadsTheClock(migration), Is.EqualTo(readsTheClock));

    private sealed class ReadsNowInALambda : Migration
    {
        public override void Up() => Insert.IntoTable("t").Row(Rows().Select(i => new { at = DateTime.Now.AddDays(i) }).First());

        public override void Down() => Delete.FromTable("t").AllRows();

        private static IEnumerable<int> Rows() => [1];
    }

    private sealed class ReadsTodayInALocalFunction : Migration
    {
        public override void Up()
        {
            Insert.IntoTable("t").Row(new { at = Today() });

            static DateTime Today() => DateTime.Today;
        }

        public override void Down() => Delete.FromTable("t").AllRows();
    }

    private abstract class StampedMigration : Migration
    {
        protected static DateTime Stamp => DateTime.UtcNow;
    }

    private sealed class ReadsUtcNowInItsBaseClass : StampedMigration
    {
        public override void Up() => Insert.IntoTable("t").Row(new { at = Stamp });

        public override void Down() => Delete.FromTable("t").AllRows();
    }

    private sealed class ReadsDateTimeOffsetUtcNow : AutoReversingMigration
    {
        public override void Up() => Create.Table("t").WithColumn("at").AsDateTimeOffset().WithDefaultValue(DateTimeOffset.UtcNow);
    }

    private sealed class WritesADate : Migration
    {
        public override void Up() => Insert.IntoTable("t").Row(new { at = new DateTime(2024, 1, 1), day = DateTime.MinValue.Day });

        public override void Down() => Delete.FromTable("t").AllRows();
    }

    private sealed class MakesAGuid : Migration
    {
        public override void Up() => Insert.IntoTable("t").Row(new { id = Guid.NewGuid() });

        public override void Down() => Delete.FromTable("t").AllRows();
    }
}

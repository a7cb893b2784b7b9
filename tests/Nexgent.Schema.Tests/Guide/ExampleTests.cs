using Nexgent.Schema.Tests.Data;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Guide;

/// <summary>Each worked example of the migration author's guide, up and down on the real schema with data.</summary>
public sealed class ExampleTests
{
    private static IEnumerable<long> Examples => ExampleDatabase.Examples;

    [TestCaseSource(nameof(Examples))]
    public void Each_example_goes_up_and_down_leaving_the_catalog_as_it_was(long example)
    {
        var previous = ExampleDatabase.Previous(example);
        using var database = ExampleDatabase.At(previous == Golden.Latest ? null : previous);
        var before = database.Catalog();

        ExampleDatabase.Up(database, example);
        Assert.That(database.Catalog(), Is.Not.EquivalentTo(before), "the example changes the schema");
        Assert.That(database.RecordedVersions().Max(), Is.EqualTo(example));

        ExampleDatabase.Down(database, previous);
        Assert.That(database.Catalog(), Is.EquivalentTo(before));
    }

    [Test]
    public void Adding_a_column_gives_it_its_default_on_every_row()
    {
        using var database = ExampleDatabase.At(20270101000100);

        Assert.That(database.Catalog(), Does.Contain("col agents.max_positions integer not null default 5"));
        Assert.That(database.Rows("SELECT DISTINCT max_positions FROM agents"), Is.EqualTo(new[] { new object?[] { 5 } }));
    }

    [Test]
    public void The_index_gets_prismas_name()
    {
        using var database = ExampleDatabase.At(20270101000200);

        Assert.That(database.Catalog(), Does.Contain(
            "index CREATE INDEX agent_transactions_agent_id_created_at_idx ON public.agent_transactions USING btree (agent_id, created_at)"));
    }

    [Test]
    public void The_notifications_table_has_prismas_names_defaults_and_cascades()
    {
        using var database = ExampleDatabase.At(20270101000300);

        Assert.That(database.Catalog(), Is.SupersetOf(new[]
        {
            "col notifications.id uuid not null default gen_random_uuid()",
            "col notifications.user_id uuid not null",
            "col notifications.message text not null",
            "col notifications.read boolean not null default false",
            "col notifications.created_at timestamp(6) with time zone not null default CURRENT_TIMESTAMP",
            "constraint notifications notifications_pkey PRIMARY KEY (id)",
            "constraint notifications notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON UPDATE CASCADE ON DELETE CASCADE",
            "index CREATE INDEX notifications_user_id_idx ON public.notifications USING btree (user_id)",
        }));
        database.Execute($"INSERT INTO notifications (user_id, message) VALUES ('{NexgentSeed.Alice}', 'Position closed at +100%')");
        database.Execute($"DELETE FROM users WHERE id = '{NexgentSeed.Alice}'");
        Assert.That(database.Scalar<long>("SELECT count(*) FROM notifications"), Is.Zero, "ON DELETE CASCADE");
    }

    [Test]
    public void The_preferences_column_is_a_nullable_jsonb()
    {
        using var database = ExampleDatabase.At(20270101000400);

        Assert.That(database.Catalog(), Does.Contain("col users.preferences jsonb"));
    }

    [Test]
    public void Renaming_a_column_keeps_its_data_both_ways()
    {
        using var database = ExampleDatabase.At(20270101000500);
        database.Execute($"UPDATE users SET bio = 'Sniping memecoins since 2021' WHERE id = '{NexgentSeed.Alice}'");

        ExampleDatabase.Up(database, 20270101000510);
        Assert.That(database.Scalar<string>($"SELECT description FROM users WHERE id = '{NexgentSeed.Alice}'"), Is.EqualTo("Sniping memecoins since 2021"));

        ExampleDatabase.Down(database, 20270101000500);
        Assert.That(database.Scalar<string>($"SELECT bio FROM users WHERE id = '{NexgentSeed.Alice}'"), Is.EqualTo("Sniping memecoins since 2021"));
    }

    [Test]
    public void The_data_migration_backfills_every_agent_then_makes_the_column_required()
    {
        using var database = ExampleDatabase.At(20270101000600);

        Assert.That(database.Catalog(), Does.Contain("col agents.risk_config jsonb not null"));
        Assert.That(database.Rows("SELECT DISTINCT risk_config::text FROM agents"), Is.EqualTo(new[]
        {
            new object?[] { """{"stopLoss": {"enabled": true, "defaultPercentage": -32}}""" },
        }));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM agents"), Is.EqualTo(3));
    }

    [Test]
    public void A_reverse_migration_and_a_rollback_both_undo_a_shipped_column()
    {
        using var reversed = ExampleDatabase.At(20270101000700);
        Assert.That(reversed.Catalog(), Has.None.StartsWith("col agents.max_positions"), "the reverse migration, Prisma's way");

        using var rolledBack = ExampleDatabase.At(20270101000100);
        ExampleDatabase.Down(rolledBack, Golden.Latest);
        Assert.That(rolledBack.Catalog(), Is.EquivalentTo(Golden.CatalogAt(Golden.Latest)), "a rollback, which Prisma does not have");
    }

    [Test]
    public void The_multi_step_change_leaves_no_row_without_a_value()
    {
        using var database = ExampleDatabase.At(20270101000800);

        Assert.That(database.Catalog(), Does.Contain("col agents.max_positions integer not null"));
        Assert.That(database.Rows("SELECT DISTINCT max_positions FROM agents"), Is.EqualTo(new[] { new object?[] { 5 } }));
    }
}

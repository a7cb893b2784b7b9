using Nexgent.Schema.Tests.Guide;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Online;

/// <summary>The guide's online examples on Nexgent's schema full of rows: what each leaves in the catalog and the rows.</summary>
public sealed class OnlineExampleTests
{
    [Test]
    public void The_concurrent_index_of_example_2_is_valid()
    {
        using var database = ExampleDatabase.At(20270101000200);

        Assert.That(database.Scalar<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'agent_transactions_agent_id_created_at_idx'::regclass"), Is.True);
    }

    [Test]
    public void Users_preferences_are_filled_then_required_and_the_rollback_leaves_the_values()
    {
        using var database = ExampleDatabase.At(20270101000800);
        Assert.That(database.Scalar<long>("SELECT count(*) FROM users WHERE preferences IS NULL"), Is.Positive, "the seeded users have none yet");
        database.Execute("""UPDATE users SET preferences = '{"theme":"dark"}' WHERE id = (SELECT id FROM users ORDER BY id LIMIT 1)""");

        ExampleDatabase.Up(database, 20270101000900);
        Assert.That(database.Catalog(), Does.Contain("col users.preferences jsonb not null"));
        Assert.That(database.Rows("SELECT preferences::text, count(*) FROM users GROUP BY 1 ORDER BY 1"),
            Is.EqualTo(new[] { new object?[] { "{\"theme\": \"dark\"}", 1L }, new object?[] { "{}", database.Scalar<long>("SELECT count(*) - 1 FROM users") } }));

        ExampleDatabase.Down(database, 20270101000800);
        Assert.That(database.Catalog(), Does.Contain("col users.preferences jsonb"));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM users WHERE preferences IS NULL"), Is.Zero, "the values stay");
    }

    [Test]
    public void The_agents_check_is_added_not_valid_then_validated()
    {
        using var database = ExampleDatabase.At(20270101001000);
        Assert.That(database.Catalog(), Does.Contain("constraint agents agents_max_positions_positive CHECK ((max_positions > 0)) NOT VALID"));

        ExampleDatabase.Up(database, 20270101001010);
        Assert.That(database.Catalog(), Does.Contain("constraint agents agents_max_positions_positive CHECK ((max_positions > 0))"));
        Assert.That(database.Scalar<bool>("SELECT convalidated FROM pg_constraint WHERE conname = 'agents_max_positions_positive'"), Is.True);
    }
}

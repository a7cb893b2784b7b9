using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Model;
using Nexgent.Schema.Runner.Drift;

namespace Nexgent.Schema.UnitTests.Drift;

public sealed class RunTimeDefaultsTests
{
    [Test]
    public void A_default_that_differs_between_two_builds_is_set_at_run_time_one_written_in_the_code_is_not()
    {
        var build = 0;
        IReadOnlyCollection<IMigrationExpression> Build()
        {
            build++;
            return
            [
                new CreateTableExpression
                {
                    TableName = "events",
                    Columns =
                    {
                        new ColumnDefinition { Name = "created", DefaultValue = new DateTime(2026, 12, 8, 1, 2, build) },
                        new ColumnDefinition { Name = "kind", DefaultValue = "plain" },
                    },
                },
                new AlterDefaultConstraintExpression { TableName = "events", ColumnName = "token", DefaultValue = $"token-{build}" },
            ];
        }

        Assert.That(RunTimeDefaults.Of(new NoClock(), Build), Is.EqualTo(new[] { "events.created", "events.token" }));
    }

    [Test]
    public void Only_the_literal_of_a_run_time_default_is_left_out_of_the_comparison()
    {
        CatalogFact[] facts =
        [
            new(FactKind.Column, "events.created", "timestamp without time zone not null default '2026-12-08 01:02:03.1'::timestamp without time zone"),
            new(FactKind.Column, "events.kind", "text default 'plain'::text"),
        ];

        var masked = RunTimeDefaults.Masked(facts, new HashSet<string> { "events.created" });

        Assert.That(masked.Select(f => f.Definition), Is.EqualTo(new[]
        {
            "timestamp without time zone not null default '<time of the run>'::timestamp without time zone",
            "text default 'plain'::text",
        }));
    }

    private sealed class NoClock : Migration
    {
        public override void Up()
        {
        }

        public override void Down()
        {
        }
    }
}

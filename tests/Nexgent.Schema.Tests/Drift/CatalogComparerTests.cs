using Nexgent.Schema.Runner.Drift;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Drift;

/// <summary>The drift comparison and its sentences, on catalogs written by hand: no server.</summary>
public sealed class CatalogComparerTests
{
    private static readonly CatalogFact Agents = new(FactKind.Table, "agents", "");
    private static readonly CatalogFact AgentsName = new(FactKind.Column, "agents.name", "text not null");
    private static readonly CatalogFact AgentsKey = new(FactKind.Constraint, "agents.agents_pkey", "PRIMARY KEY (id)");

    [Test]
    public void The_same_facts_in_another_order_are_no_drift()
        => Assert.That(CatalogComparer.Compare([Agents, AgentsName, AgentsKey], [AgentsKey, Agents, AgentsName]), Is.Empty);

    [Test]
    public void A_changed_definition_is_one_sentence_with_both_sides()
    {
        var differences = CatalogComparer.Compare([Agents, AgentsName], [Agents, AgentsName with { Definition = "character varying(50)" }]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[]
        {
            "The column agents.name is 'character varying(50)' in the database but 'text not null' in the migrations.",
        }));
    }

    [Test]
    public void A_missing_table_is_one_difference_not_one_per_column_and_constraint()
    {
        var differences = CatalogComparer.Compare([Agents, AgentsName, AgentsKey], []);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[] { "The table agents that the migrations create is missing from the database." }));
    }

    [Test]
    public void An_extra_object_is_named_with_its_definition_and_article()
    {
        var index = new CatalogFact(FactKind.Index, "agents.agents_name_idx", "CREATE INDEX agents_name_idx ON public.agents USING btree (name)");
        var enumType = new CatalogFact(FactKind.EnumType, "Mode", "simulation, live");

        var differences = CatalogComparer.Compare([Agents], [Agents, index, enumType]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[]
        {
            "The database has an index agents.agents_name_idx (CREATE INDEX agents_name_idx ON public.agents USING btree (name)) that the migrations do not create.",
            "The database has an enum type Mode (simulation, live) that the migrations do not create.",
        }));
    }

    [Test]
    public void Differences_come_in_kind_then_name_order()
    {
        var b = new CatalogFact(FactKind.Table, "b", "");
        var a = new CatalogFact(FactKind.Table, "a", "");
        var column = new CatalogFact(FactKind.Column, "agents.z", "integer");

        var differences = CatalogComparer.Compare([Agents], [Agents, column, b, a]);

        Assert.That(differences.Select(d => d.Name), Is.EqualTo(new[] { "a", "b", "agents.z" }));
    }
}

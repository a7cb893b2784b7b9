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

    private static readonly CatalogFact AgentsId = new(FactKind.Column, "agents.id", "uuid not null");

    private static CatalogFact Order(string table, string columns) => new(FactKind.ColumnOrder, table, columns);

    [Test]
    public void The_same_columns_in_another_order_are_one_difference_giving_both_orders()
    {
        var differences = CatalogComparer.Compare(
            [Agents, AgentsId, AgentsName, Order("agents", "id, name")],
            [Agents, AgentsId, AgentsName, Order("agents", "name, id")]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[]
        {
            "The columns of table agents are in the order name, id in the database but id, name in the migrations.",
        }));
    }

    [Test]
    public void Other_columns_are_said_by_the_column_differences_not_again_by_their_order()
    {
        var nickname = new CatalogFact(FactKind.Column, "agents.nickname", "text");

        var differences = CatalogComparer.Compare(
            [Agents, AgentsId, AgentsName, Order("agents", "id, name")],
            [Agents, AgentsId, nickname, AgentsName, Order("agents", "id, nickname, name")]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[] { "The database has a column agents.nickname (text) that the migrations do not create." }));
    }

    [Test]
    public void A_missing_table_is_not_also_its_column_order_row_level_security_triggers_policies_and_rules()
    {
        CatalogFact[] agents =
        [
            Agents, AgentsId, Order("agents", "id"), new(FactKind.RowSecurity, "agents", "enabled"),
            new(FactKind.Trigger, "agents.agents_touch", "CREATE TRIGGER agents_touch BEFORE UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION touch()"),
            new(FactKind.Policy, "agents.agents_own", "PERMISSIVE FOR ALL TO PUBLIC USING (true)"),
            new(FactKind.Rule, "agents.agents_kept", "CREATE RULE agents_kept AS ON DELETE TO public.agents DO INSTEAD NOTHING;"),
        ];

        Assert.That(CatalogComparer.Compare(agents, []).Select(d => d.Sentence), Is.EqualTo(new[] { "The table agents that the migrations create is missing from the database." }));
    }

    [Test]
    public void The_objects_of_a_table_whose_name_holds_a_dot_belong_to_it()
    {
        var table = new CatalogFact(FactKind.Table, "we.ird", "");
        var column = new CatalogFact(FactKind.Column, "we.ird.id", "integer");

        Assert.That(CatalogComparer.Compare([], [table, column, Order("we.ird", "id")]).Select(d => d.Name), Is.EqualTo(new[] { "we.ird" }));
    }

    [Test]
    public void An_extension_is_one_difference_with_its_version_and_schema()
    {
        var trgm = new CatalogFact(FactKind.Extension, "pg_trgm", "version 1.6, schema public");

        var differences = CatalogComparer.Compare([Agents], [Agents, trgm]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[] { "The database has an extension pg_trgm (version 1.6, schema public) that the migrations do not create." }));
    }

    [Test]
    public void An_extension_only_the_database_has_outside_the_schema_is_not_drift_but_one_the_migrations_create_elsewhere_is()
    {
        var platforms = new CatalogFact(FactKind.Extension, "pg_stat_statements", "version 1.10, schema extensions") { OutsideSchema = true };
        var wanted = new CatalogFact(FactKind.Extension, "pgcrypto", "version 1.3, schema public");
        var found = new CatalogFact(FactKind.Extension, "pgcrypto", "version 1.3, schema extensions") { OutsideSchema = true };

        var differences = CatalogComparer.Compare([Agents, wanted], [Agents, platforms, found]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[]
        {
            "The extension pgcrypto is 'version 1.3, schema extensions' in the database but 'version 1.3, schema public' in the migrations.",
        }));
    }

    [Test]
    public void A_policy_is_named_by_its_table_and_said_with_command_roles_and_expressions()
    {
        var wanted = new CatalogFact(FactKind.Policy, "agents.agents_own", "PERMISSIVE FOR SELECT TO PUBLIC USING ((user_id = CURRENT_USER))");
        var extra = new CatalogFact(FactKind.Policy, "agents.agents_audit", "RESTRICTIVE FOR INSERT TO auditor WITH CHECK ((name <> ''::text))");

        var differences = CatalogComparer.Compare([Agents, wanted], [Agents, wanted with { Definition = "PERMISSIVE FOR ALL TO PUBLIC USING (true)" }, extra]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[]
        {
            "The database has a policy agents.agents_audit (RESTRICTIVE FOR INSERT TO auditor WITH CHECK ((name <> ''::text))) that the migrations do not create.",
            "The policy agents.agents_own is 'PERMISSIVE FOR ALL TO PUBLIC USING (true)' in the database but 'PERMISSIVE FOR SELECT TO PUBLIC USING ((user_id = CURRENT_USER))' in the migrations.",
        }));
    }

    [TestCase("enabled", "disabled", "Row-level security on table agents is enabled in the database but disabled in the migrations.")]
    [TestCase("enabled and forced", "enabled", "Row-level security on table agents is enabled and forced in the database but enabled in the migrations.")]
    public void Row_level_security_says_how_it_is_set_on_each_side(string actual, string expected, string sentence)
    {
        var differences = CatalogComparer.Compare([Agents, new(FactKind.RowSecurity, "agents", expected)], [Agents, new(FactKind.RowSecurity, "agents", actual)]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[] { sentence }));
    }

    [TestCase(" (disabled)", "", "The trigger agents.agents_touch is disabled in the database but enabled in the migrations.")]
    [TestCase(" (enabled always)", " (enabled on replica only)", "The trigger agents.agents_touch is enabled always in the database but enabled on replica only in the migrations.")]
    public void A_trigger_that_fires_otherwise_is_said_in_words(string actualState, string expectedState, string sentence)
    {
        const string trigger = "CREATE TRIGGER agents_touch BEFORE UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION touch()";
        var differences = CatalogComparer.Compare(
            [Agents, new(FactKind.Trigger, "agents.agents_touch", trigger + expectedState)],
            [Agents, new(FactKind.Trigger, "agents.agents_touch", trigger + actualState)]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[] { sentence }));
    }

    [Test]
    public void A_trigger_defined_otherwise_shows_both_definitions()
    {
        var differences = CatalogComparer.Compare(
            [Agents, new(FactKind.Trigger, "agents.t", "CREATE TRIGGER t BEFORE UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION touch()")],
            [Agents, new(FactKind.Trigger, "agents.t", "CREATE TRIGGER t AFTER UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION touch() (disabled)")]);

        Assert.That(differences.Single().Sentence, Is.EqualTo(
            "The trigger agents.t is 'CREATE TRIGGER t AFTER UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION touch() (disabled)' in the database"
            + " but 'CREATE TRIGGER t BEFORE UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION touch()' in the migrations."));
    }

    [Test]
    public void A_function_body_changed_is_said_by_its_first_different_line_not_the_whole_body_twice()
    {
        const string body = "CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$\nBEGIN\n  NEW.updated_at := {0};\n  RETURN NEW;\nEND $function$\n";
        var function = new CatalogFact(FactKind.Function, "touch()", string.Format(body, "now()"));

        var difference = CatalogComparer.Compare([function], [function with { Definition = string.Format(body, "clock_timestamp()") }]).Single();

        Assert.That(difference.Sentence, Is.EqualTo(
            "The function touch() has a different definition in the database than in the migrations: line 6 is 'NEW.updated_at := clock_timestamp();' in the database but 'NEW.updated_at := now();' in the migrations."));
        Assert.That(difference.Actual, Does.Contain("clock_timestamp()"), "the JSON output keeps the whole definition");
    }

    [Test]
    public void A_long_line_is_quoted_around_where_it_differs()
    {
        var wanted = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT " + string.Join(" + ", Enumerable.Range(1, 40)) + " $$";
        var found = wanted.Replace("+ 30 +", "- 30 +", StringComparison.Ordinal);
        var function = new CatalogFact(FactKind.Function, "f()", wanted);

        var sentence = CatalogComparer.Compare([function], [function with { Definition = found }]).Single().Sentence;

        Assert.That(sentence, Does.StartWith("The function f() has a different definition in the database than in the migrations: line 1 is '...").And.Contain("29 - 30 + 31"));
        Assert.That(sentence.Length, Is.LessThan(300));
    }

    [Test]
    public void A_view_or_function_on_one_side_only_is_named_without_its_definition()
    {
        var view = new CatalogFact(FactKind.View, "agent_names", " SELECT agents.id,\n    agents.name\n   FROM agents;");
        var function = new CatalogFact(FactKind.Function, "touch()", "CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger");

        Assert.That(CatalogComparer.Compare([view], [function]).Select(d => d.Sentence), Is.EqualTo(new[]
        {
            "The database has a function touch() that the migrations do not create.",
            "The view agent_names that the migrations create is missing from the database.",
        }));
    }

    [Test]
    public void A_rule_printed_on_several_lines_is_said_on_one()
    {
        var rule = new CatalogFact(FactKind.Rule, "agents.agents_kept", "CREATE RULE agents_kept AS\n    ON DELETE TO public.agents DO INSTEAD NOTHING;");

        Assert.That(CatalogComparer.Compare([Agents], [Agents, rule]).Single().Sentence, Is.EqualTo(
            "The database has a rule agents.agents_kept (CREATE RULE agents_kept AS ON DELETE TO public.agents DO INSTEAD NOTHING;) that the migrations do not create."));
    }

    [Test]
    public void A_domain_is_said_with_its_base_type_default_and_checks()
    {
        var domain = new CatalogFact(FactKind.Domain, "sol_amount", "numeric(20,8) not null default 0 constraint sol_amount_check CHECK ((VALUE >= (0)::numeric))");

        Assert.That(CatalogComparer.Compare([domain], [domain with { Definition = "numeric(20,8) not null default 0" }]).Single().Sentence, Is.EqualTo(
            "The domain sol_amount is 'numeric(20,8) not null default 0' in the database but 'numeric(20,8) not null default 0 constraint sol_amount_check CHECK ((VALUE >= (0)::numeric))' in the migrations."));
    }
}

using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Generation;
using NUnit.Framework;
using static Nexgent.Schema.Tests.Generation.Models;

namespace Nexgent.Schema.Tests.Generation;

/// <summary>The steps between two schemas and their order, with no server.</summary>
public sealed class SchemaDifferTests
{
    [Test]
    public void What_comes_is_made_types_first_then_tables_then_the_foreign_keys_between_them()
    {
        var before = SchemaOf();
        var after = new SchemaModel(
            [Table("orders", Column("id", "uuid"), Column("kind", "\"Kind\"")) with { ForeignKeys = [ForeignKey("orders", "id", "customers")] },
             Table("customers", Column("id", "uuid"))],
            [new EnumModel("Kind", ["A", "B"])], [], []);

        var steps = SchemaDiffer.Diff(before, after).Select(s => s.GetType().Name + " " + s.Subject);

        Assert.That(steps, Is.EqualTo(new[] { "CreateEnum enum Kind", "CreateTable table orders", "CreateTable table customers", "AddForeignKey foreign key orders.orders_id_fkey" }));
    }

    [Test]
    public void What_goes_is_dropped_dependants_first_and_a_dropped_tables_foreign_keys_go_with_it_children_first()
    {
        var before = UsersAndAgents();
        var after = SchemaOf();

        var steps = SchemaDiffer.Diff(before, after).Select(s => s.GetType().Name + " " + s.Subject);

        Assert.That(steps, Is.EqualTo(new[] { "DropTable table agents", "DropTable table users" }));
        Assert.That(((DropTable)SchemaDiffer.Diff(before, after)[0]).Table.ForeignKeys, Has.Count.EqualTo(1), "made again with its foreign key by Down");
    }

    [Test]
    public void Tables_that_reference_each_other_in_a_cycle_drop_their_foreign_keys_first()
    {
        var before = SchemaOf(
            Table("a", Column("id", "uuid"), Column("b_id", "uuid")) with { ForeignKeys = [ForeignKey("a", "b_id", "b")] },
            Table("b", Column("id", "uuid"), Column("a_id", "uuid")) with { ForeignKeys = [ForeignKey("b", "a_id", "a")] });

        var steps = SchemaDiffer.Diff(before, SchemaOf()).Select(s => s.GetType().Name);

        Assert.That(steps, Is.EqualTo(new[] { "DropForeignKey", "DropForeignKey", "DropTable", "DropTable" }));
    }

    [Test]
    public void A_changed_table_drops_its_foreign_keys_and_indexes_before_its_columns_and_adds_them_after()
    {
        var before = UsersAndAgents();
        Func<TableModel, TableModel> agents = table => table with { Columns = [.. table.Columns.Where(c => c.Name is not ("legacy" or "user_id")), Column("owner_id", "uuid")], Indexes = [Index("agents", "owner_id")], ForeignKeys = [ForeignKey("agents", "owner_id", "users", onDelete: 'n')] };
        var after = SchemaOf(before.Tables[0], agents(before.Tables[1]));

        var steps = SchemaDiffer.Diff(before, after).Select(s => s.GetType().Name + " " + s.Subject);

        Assert.That(steps, Is.EqualTo(new[]
        {
            "DropForeignKey foreign key agents.agents_user_id_fkey",
            "DropIndex index agents.agents_user_id_idx",
            "DropColumn column agents.user_id",
            "DropColumn column agents.legacy",
            "AddColumn column agents.owner_id",
            "CreateIndex index agents.agents_owner_id_idx",
            "AddForeignKey foreign key agents.agents_owner_id_fkey",
        }));
    }

    [Test]
    public void A_column_gone_while_one_just_like_it_came_is_a_rename_candidate_but_a_drop_and_an_add_until_confirmed()
    {
        var before = UsersAndAgents();
        var after = SchemaOf(before.Tables[0], before.Tables[1] with { Columns = [.. before.Tables[1].Columns.Select(c => c.Name == "legacy" ? c with { Name = "notes" } : c)] });

        var candidates = SchemaDiffer.RenameCandidates(before, after);
        var unconfirmed = SchemaDiffer.Diff(before, after).Select(s => s.GetType().Name);
        var confirmed = SchemaDiffer.Diff(before, after, Renames.Parse(["agents.legacy=notes"]));

        Assert.That(candidates.Select(c => c.Option), Is.EqualTo(new[] { "agents.legacy=notes" }));
        Assert.That(unconfirmed, Is.EqualTo(new[] { "DropColumn", "AddColumn" }));
        Assert.That(confirmed, Is.EqualTo(new Change[] { new RenameColumn("agents", "legacy", "notes") }));
    }

    [Test]
    public void Two_columns_gone_alike_are_no_rename_candidate_the_pairing_would_be_a_guess()
    {
        var before = SchemaOf(Table("t", Column("id", "uuid"), Column("a", "text"), Column("b", "text")));
        var after = SchemaOf(Table("t", Column("id", "uuid"), Column("c", "text"), Column("d", "text")));

        Assert.That(SchemaDiffer.RenameCandidates(before, after), Is.Empty);
    }

    [Test]
    public void A_table_renamed_keeps_the_foreign_keys_that_point_at_it()
    {
        var before = UsersAndAgents();
        var after = SchemaOf(before.Tables[0] with { Name = "accounts" }, before.Tables[1] with { ForeignKeys = [before.Tables[1].ForeignKeys[0] with { ReferencedTable = "accounts" }] });

        Assert.That(SchemaDiffer.RenameCandidates(before, after).Select(c => c.Option), Is.EqualTo(new[] { "users=accounts" }));
        Assert.That(SchemaDiffer.Diff(before, after, Renames.Parse(["users=accounts"])), Is.EqualTo(new Change[] { new RenameTable("users", "accounts") }));
    }

    [Test]
    public void Enum_labels_only_added_are_added_in_place_and_any_other_change_makes_the_type_again()
    {
        var before = new SchemaModel([Table("t", Column("id", "uuid"), Column("k", "\"Kind\"", @default: "'A'::\"Kind\""))], [new EnumModel("Kind", ["A", "C"])], [], []);
        var added = before with { Enums = [new EnumModel("Kind", ["A", "B", "C", "D"])] };
        var removed = before with { Enums = [new EnumModel("Kind", ["A"])] };

        var adds = SchemaDiffer.Diff(before, added).Cast<AddEnumLabel>().Select(a => (a.Label, a.Before));
        var recreate = SchemaDiffer.Diff(before, removed).Single();

        Assert.That(adds, Is.EqualTo(new[] { ("B", (string?)"C"), ("D", null) }));
        Assert.That(recreate, Is.TypeOf<RecreateEnum>());
        Assert.That(((RecreateEnum)recreate).Uses, Is.EqualTo(new[] { new EnumUse("t", "k", "\"Kind\"", "'A'::\"Kind\"") }));
        Assert.That(recreate.Loses, Is.EqualTo("the enum Kind loses 'C': rows holding it make it fail"));
    }

    [TestCase("agents.legacy")]
    [TestCase("=x")]
    [TestCase("agents.legacy=")]
    public void A_rename_option_that_is_not_one_is_refused_saying_how_to_write_it(string option)
    {
        var refused = Assert.Throws<SchemaRunnerException>(() => Renames.Parse([option]))!;

        Assert.That(refused.Message, Is.EqualTo($"'{option}' is not a rename; write table.old_column=new_column for a column, or old_table=new_table for a table."));
    }
}

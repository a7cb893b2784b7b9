using NUnit.Framework;

// Outside Nexgent.Schema.Tests: these need no server, and the run's SetUpFixture does not start one for them alone.
namespace Nexgent.Schema.Testing.Tests;

/// <summary>How the kit tells two catalogs apart, with no server.</summary>
public sealed class CatalogDiffTests
{
    private static readonly string[] Notes =
    [
        "table notes",
        "col notes.id bigint not null identity a",
        "col notes.body character varying(200) not null",
        "constraint notes notes_pkey PRIMARY KEY (id)",
    ];

    [Test]
    public void The_same_lines_in_the_same_order_make_no_difference()
    {
        var diff = CatalogDiff.Compare(Notes, [.. Notes], ordered: true);

        Assert.That(diff.IsEmpty, Is.True);
        Assert.That(diff.Describe("a", "b"), Is.Empty);
    }

    [Test]
    public void Lines_only_on_one_side_are_listed_under_its_name_in_its_order()
    {
        string[] actual = ["table notes", "col notes.id bigint not null identity a", "col notes.body character varying(50) not null", "col notes.author character varying(100)", "constraint notes notes_pkey PRIMARY KEY (id)"];

        var diff = CatalogDiff.Compare(Notes, actual, ordered: true);

        Assert.That(diff.OnlyExpected, Is.EqualTo(new[] { "col notes.body character varying(200) not null" }));
        Assert.That(diff.OnlyActual, Is.EqualTo(new[] { "col notes.body character varying(50) not null", "col notes.author character varying(100)" }));
        Assert.That(diff.Order, Is.Null);
        Assert.That(diff.Describe("the snapshot", "the database"), Is.EqualTo("""
              only in the snapshot (1 line):
                - col notes.body character varying(200) not null
              only in the database (2 lines):
                + col notes.body character varying(50) not null
                + col notes.author character varying(100)
            """));
    }

    [Test]
    public void The_same_lines_in_another_order_differ_only_when_order_counts()
    {
        string[] swapped = [Notes[0], Notes[2], Notes[1], Notes[3]];

        var ordered = CatalogDiff.Compare(Notes, swapped, ordered: true);
        var unordered = CatalogDiff.Compare(Notes, swapped, ordered: false);

        Assert.That(ordered.Order, Is.EqualTo(new OrderDifference(2, Notes[1], Notes[2])));
        Assert.That(ordered.Describe("the snapshot", "the database"), Is.EqualTo("""
              the same lines in another order; line 2 is
                - col notes.id bigint not null identity a   (the snapshot)
                + col notes.body character varying(200) not null   (the database)
            """));
        Assert.That(unordered.IsEmpty, Is.True, "a Down can only re-add a column last");
    }

    [Test]
    public void A_line_twice_on_one_side_is_a_difference()
    {
        var diff = CatalogDiff.Compare(Notes, [.. Notes, Notes[1]], ordered: false);

        Assert.That(diff.OnlyExpected, Is.Empty);
        Assert.That(diff.OnlyActual, Is.EqualTo(new[] { Notes[1] }));
    }

    [Test]
    public void A_long_difference_shows_its_first_lines_and_counts_the_rest()
    {
        var many = Enumerable.Range(1, CatalogDiff.ShownLines + 3).Select(i => $"table t{i:D2}").ToList();

        var text = CatalogDiff.Compare([], many, ordered: false).Describe("before", "after");

        Assert.That(text.Split('\n'), Has.Length.EqualTo(1 + CatalogDiff.ShownLines + 1));
        Assert.That(text, Does.StartWith($"  only in after ({CatalogDiff.ShownLines + 3} lines):\n    + table t01\n"));
        Assert.That(text, Does.EndWith($"    + table t{CatalogDiff.ShownLines:D2}\n    ... and 3 more"));
    }
}

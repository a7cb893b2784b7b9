using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Drift;

namespace Nexgent.Schema.UnitTests.Drift;

/// <summary>
/// Settings, comments and privileges: facts there only when not the default, said as one sentence each, and none when
/// the object they are of is itself on one side only.
/// </summary>
public sealed class SettingsComparisonTests
{
    private static readonly CatalogFact Tags = new(FactKind.Table, "tags", "");
    private static readonly CatalogFact Description = new(FactKind.Column, "tags.description", "text");

    [TestCase(FactKind.Persistence, "tags", null, "unlogged", "The table tags is unlogged in the database but logged in the migrations.")]
    [TestCase(FactKind.Persistence, "tags", "unlogged", null, "The table tags is logged in the database but unlogged in the migrations.")]
    [TestCase(FactKind.StorageParameters, "tags", "fillfactor=70", "fillfactor=50", "The table tags has storage parameters (fillfactor=50) in the database but storage parameters (fillfactor=70) in the migrations.")]
    [TestCase(FactKind.Inheritance, "audit", "events", null, "The table audit inherits from no table in the database but inherits from events in the migrations.")]
    [TestCase(FactKind.Partitioning, "samples", "RANGE (day)", "LIST (day)", "The table samples is partitioned by LIST (day) in the database but partitioned by RANGE (day) in the migrations.")]
    [TestCase(FactKind.PartitionOf, "r1", null, "readings DEFAULT", "The table r1 is the default partition of readings in the database but not a partition in the migrations.")]
    [TestCase(FactKind.ReplicaIdentity, "tags", null, "nothing", "The table tags has replica identity nothing in the database but default in the migrations.")]
    [TestCase(FactKind.ClusterIndex, "tags", "tags_pkey", null, "The table tags is marked to cluster on no index in the database but on tags_pkey in the migrations.")]
    [TestCase(FactKind.ColumnCollation, "tags.label", null, "\"C\"", "The column tags.label has collation \"C\" in the database but the default collation in the migrations.")]
    [TestCase(FactKind.ColumnStorage, "tags.label", "main", null, "The column tags.label has its type's storage in the database but storage main in the migrations.")]
    [TestCase(FactKind.ColumnStatistics, "tags.label", null, "0", "The column tags.label has statistics target 0 in the database but the default statistics target in the migrations.")]
    [TestCase(FactKind.ColumnCompression, "tags.label", null, "lz4", "The column tags.label has compression lz4 in the database but the default compression in the migrations.")]
    [TestCase(FactKind.ColumnOptions, "tags.label", "n_distinct=-1", null, "The column tags.label has no options in the database but options (n_distinct=-1) in the migrations.")]
    [TestCase(FactKind.SequenceOptions, "ids", null, "cycle", "The sequence ids has options (cycle) in the database but the default options in the migrations.")]
    [TestCase(FactKind.Comment, "column tags.label", "Shown", null, "The column tags.label has no comment in the database but the comment 'Shown' in the migrations.")]
    [TestCase(FactKind.Privileges, "table tags", null, "SELECT granted to PUBLIC", "The privileges on table tags are the default with SELECT granted to PUBLIC in the database but the default in the migrations.")]
    [TestCase(FactKind.Sequence, "ids", "", "owned by tags.id", "The sequence ids is owned by tags.id in the database but owned by no column in the migrations.")]
    public void A_setting_is_one_sentence_and_a_side_without_it_has_the_default(FactKind kind, string name, string? expected, string? actual, string sentence)
        => Assert.That(new DriftDifference(kind, name, expected, actual).Sentence, Is.EqualTo(sentence));

    [Test]
    public void A_new_column_is_one_difference_not_one_more_per_setting_comment_or_privilege_of_it()
    {
        CatalogFact[] column =
        [
            new(FactKind.Column, "tags.color", "text"),
            CatalogFact.Setting(FactKind.ColumnCollation, FactKind.Column, "tags.color", "\"C\""),
            CatalogFact.Setting(FactKind.Comment, FactKind.Column, "tags.color", "Shown as"),
            CatalogFact.Setting(FactKind.Privileges, FactKind.Column, "tags.color", "UPDATE granted to PUBLIC"),
        ];

        var differences = CatalogComparer.Compare([Tags, Description], [Tags, Description, .. column]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[] { "The database has a column tags.color (text) that the migrations do not create." }));
    }

    [Test]
    public void A_new_serial_column_is_one_difference_not_one_more_for_its_sequence()
    {
        var column = new CatalogFact(FactKind.Column, "tags.n", "integer not null default nextval('tags_n_seq'::regclass)");
        var sequence = CatalogFact.Of(FactKind.Sequence, "tags_n_seq", "owned by tags.n", (FactKind.Column, "tags.n"));

        var differences = CatalogComparer.Compare([Tags, Description], [Tags, Description, column, sequence]);

        Assert.That(differences.Select(d => d.Kind), Is.EqualTo(new[] { FactKind.Column }));
    }

    [Test]
    public void The_setting_of_a_column_on_both_sides_is_a_difference_of_its_own()
    {
        var differences = CatalogComparer.Compare([Tags, Description], [Tags, Description, CatalogFact.Setting(FactKind.ColumnStorage, FactKind.Column, "tags.description", "external")]);

        Assert.That(differences.Select(d => d.Kind), Is.EqualTo(new[] { FactKind.ColumnStorage }));
    }

    [Test]
    public void The_comment_on_a_column_of_a_view_on_one_side_only_is_no_difference_of_its_own()
    {
        var view = new CatalogFact(FactKind.View, "tag_labels", "SELECT 1 AS one;");

        var differences = CatalogComparer.Compare([], [view, CatalogFact.Setting(FactKind.Comment, FactKind.Column, "tag_labels.one", "One")]);

        Assert.That(differences.Select(d => d.Sentence), Is.EqualTo(new[] { "The database has a view tag_labels that the migrations do not create." }));
    }

    [Test]
    public void The_index_of_a_constraint_is_said_by_the_constraint_when_both_are_missing()
    {
        var key = new CatalogFact(FactKind.Constraint, "tags.tags_pkey", "PRIMARY KEY (id)");
        var index = CatalogFact.Setting(FactKind.Index, FactKind.Constraint, "tags.tags_pkey", "CREATE UNIQUE INDEX tags_pkey ON public.tags USING btree (id)");

        var differences = CatalogComparer.Compare([Tags, key, index], [Tags]);

        Assert.That(differences.Select(d => d.Kind), Is.EqualTo(new[] { FactKind.Constraint }));
        Assert.That(CatalogComparer.Compare([Tags, key, index], [Tags, key, index with { Definition = index.Definition + " WITH (fillfactor='70')" }]).Select(d => d.Kind),
            Is.EqualTo(new[] { FactKind.Index }), "its index's own setting is the index's");
    }

    [Test]
    public void Comments_and_privileges_are_named_as_COMMENT_ON_and_GRANT_name_their_object()
    {
        Assert.That(CatalogFact.Setting(FactKind.Comment, FactKind.Function, "touch()", "x").Name, Is.EqualTo("function touch()"));
        Assert.That(CatalogFact.Setting(FactKind.Privileges, FactKind.EnumType, "mood", "x").Name, Is.EqualTo("enum type mood"));
        Assert.That(CatalogFact.Setting(FactKind.ColumnStorage, FactKind.Column, "tags.label", "x").Name, Is.EqualTo("tags.label"));
    }

    [Test]
    public void The_bookkeeping_tables_are_named_once_and_a_version_table_of_another_name_joins_them()
    {
        Assert.That(BookkeepingTables.Names(), Is.EqualTo(new[] { "VersionInfo", "VersionJournal", "_prisma_migrations" }));
        Assert.That(BookkeepingTables.Names("schema_versions"), Is.EqualTo(new[] { "VersionInfo", "VersionJournal", "_prisma_migrations", "schema_versions" }));
        Assert.That(BookkeepingTables.Names("VersionInfo"), Is.EqualTo(BookkeepingTables.Names()));
        Assert.That(BookkeepingTables.Contains("schema_versions"), Is.False);
        Assert.That(BookkeepingTables.SqlList("it's"), Is.EqualTo("('VersionInfo', 'VersionJournal', '_prisma_migrations', 'it''s')"));
    }
}

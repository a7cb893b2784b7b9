using System.Runtime.CompilerServices;
using Nexgent.Schema.Tests;
using Nexgent.Schema.Tests.SampleMigrations;
using NUnit.Framework;

namespace Nexgent.Schema.Testing.Tests;

/// <summary>The snapshot files, their names and the messages of a check, with no server: temporary folders and lines given.</summary>
public sealed class CatalogSnapshotsTests
{
    private static readonly List<string> Catalog = ["table notes", "col notes.id bigint not null identity a", "col notes.body character varying(50) not null"];

    private string folder = "";

    [SetUp]
    public void MakeFolder() => folder = Directory.CreateTempSubdirectory("kit-snapshots-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_snapshot_file_is_named_by_its_version_in_digits()
    {
        var snapshots = new CatalogSnapshots(folder);

        Assert.That(CatalogSnapshots.FileName(20251211112932), Is.EqualTo("20251211112932.txt"));
        Assert.That(CatalogSnapshots.FileName(7), Is.EqualTo("7.txt"));
        Assert.That(CatalogSnapshots.FileName(0), Is.EqualTo("0.txt"));
        Assert.That(snapshots.PathOf(20300101000000), Is.EqualTo(Path.Combine(folder, "20300101000000.txt")));
    }

    [Test]
    public void A_relative_folder_is_beside_the_source_file_that_names_it()
    {
        var snapshots = new CatalogSnapshots("Snapshots/SampleMigrations");

        Assert.That(snapshots.Folder, Is.EqualTo(Path.Combine(Path.GetDirectoryName(ThisFile())!, "Snapshots", "SampleMigrations")));
        Assert.That(Directory.Exists(snapshots.Folder), Is.True, "the committed snapshots of the sample migrations, in the source tree");
    }

    [Test]
    public void Nexgents_snapshots_are_found_in_the_source_tree_and_written_back_byte_for_byte()
    {
        var snapshots = RoundTripTests.Nexgent.Snapshots!;
        var files = Directory.GetFiles(snapshots.Folder, "*.txt");

        Assert.That(snapshots.Folder, Does.EndWith(Path.Combine("tests", "Nexgent.Schema.Tests", "Golden", "catalog")));
        Assert.That(files.Select(Path.GetFileName), Does.Contain("20251211112932.txt").And.Contain("0.txt"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.That(CatalogSnapshots.Render(CatalogSnapshots.Parse(text)), Is.EqualTo(text), file);
        }
    }

    [Test]
    public void A_snapshot_reads_the_same_with_windows_line_endings()
        => Assert.That(CatalogSnapshots.Parse("table a\r\ncol a.id uuid\r\n"), Is.EqualTo(new[] { "table a", "col a.id uuid" }));

    [Test]
    public void The_versions_and_descriptions_come_from_the_assembly_without_a_database()
    {
        var sample = new MigrationsUnderTest(typeof(CreateNotes).Assembly);

        Assert.That(sample.Versions, Is.EqualTo(new[] { 20300101000000, 20300102000000, 20300103000000, 20300104000000, 20300105000000 }));
        Assert.That(sample.Previous(20300101000000), Is.Zero);
        Assert.That(sample.Previous(20300103000000), Is.EqualTo(20300102000000));
        Assert.That(sample.Describe(20300103000000), Is.EqualTo("20300103000000 shorten_note_body"));
        Assert.That(() => sample.Previous(20300103000001), Throws.ArgumentException.With.Message.StartsWith("20300103000001 is not a version of the migrations of Nexgent.Schema.Tests.SampleMigrations."));
    }

    [Test]
    public void A_missing_snapshot_fails_naming_the_command_that_writes_it()
    {
        var snapshots = new CatalogSnapshots(folder) { Mode = SnapshotMode.Verify, OnCi = false };

        var failure = Assert.Throws<MigrationCheckException>(() => snapshots.Check(20300101000000, Catalog, "create_notes"))!;

        Assert.That(failure.Version, Is.EqualTo(20300101000000));
        Assert.That(failure.Message, Is.EqualTo($"""
            No snapshot of the catalog at 20300101000000 create_notes: {Path.Combine(folder, "20300101000000.txt")} does not exist.
            Write it from the database the migrations build, then read it and commit it:
              SCHEMA_SNAPSHOTS=write dotnet test --filter "FullyQualifiedName~20300101000000"
            """));
        Assert.That(Directory.GetFiles(folder), Is.Empty);
    }

    [Test]
    public void A_changed_snapshot_fails_with_the_lines_only_in_the_snapshot_and_only_in_the_database()
    {
        var snapshots = new CatalogSnapshots(folder) { Mode = SnapshotMode.Verify, OnCi = false };
        File.WriteAllText(snapshots.PathOf(20300103000000), "table notes\ncol notes.id bigint not null identity a\ncol notes.body character varying(200) not null\n");

        var failure = Assert.Throws<MigrationCheckException>(() => snapshots.Check(20300103000000, Catalog, "shorten_note_body"))!;

        Assert.That(failure.Message, Is.EqualTo($"""
            The catalog at 20300103000000 shorten_note_body is not its snapshot {snapshots.PathOf(20300103000000)}:
              only in the snapshot (1 line):
                - col notes.body character varying(200) not null
              only in the database (1 line):
                + col notes.body character varying(50) not null
            If the database is right (a migration changed before it shipped), rewrite the snapshot and review the change (git diff):
              SCHEMA_SNAPSHOTS=write dotnet test --filter "FullyQualifiedName~20300103000000"
            """));
    }

    [Test]
    public void Writing_creates_a_missing_snapshot_and_rewrites_a_changed_one()
    {
        var snapshots = new CatalogSnapshots(Path.Combine(folder, "new")) { Mode = SnapshotMode.Write, OnCi = false };
        var path = snapshots.PathOf(20300103000000);

        snapshots.Check(20300103000000, Catalog);
        Assert.That(File.ReadAllText(path), Is.EqualTo("table notes\ncol notes.id bigint not null identity a\ncol notes.body character varying(50) not null\n"));

        snapshots.Check(20300103000000, Catalog[..2]);
        Assert.That(File.ReadAllText(path), Is.EqualTo("table notes\ncol notes.id bigint not null identity a\n"));

        snapshots.Check(0, []);
        Assert.That(File.ReadAllBytes(snapshots.PathOf(0)), Is.Empty, "an empty catalog is an empty file");
    }

    [Test]
    public void Writing_is_refused_on_CI_and_writes_nothing()
    {
        var snapshots = new CatalogSnapshots(folder) { Mode = SnapshotMode.Write, OnCi = true };

        var failure = Assert.Throws<MigrationCheckException>(() => snapshots.Check(20300101000000, Catalog))!;

        Assert.That(failure.Message, Is.EqualTo(
            "SCHEMA_SNAPSHOTS=write is refused on CI (CI is set): a snapshot is written on a developer's machine, reviewed and committed; CI only compares."));
        Assert.That(Directory.GetFiles(folder), Is.Empty);
    }

    [Test]
    public void A_matching_snapshot_passes_and_is_left_alone()
    {
        var snapshots = new CatalogSnapshots(folder) { Mode = SnapshotMode.Write, OnCi = false };
        File.WriteAllText(snapshots.PathOf(1), "table notes\r\ncol notes.id bigint not null identity a\r\ncol notes.body character varying(50) not null\r\n");

        snapshots.Check(1, Catalog);

        Assert.That(File.ReadAllText(snapshots.PathOf(1)), Does.Contain("\r\n"), "a checkout with Windows line endings is not rewritten");
    }

    private static string ThisFile([CallerFilePath] string file = "") => file;
}

using Nexgent.Schema.Tests.BrokenDownMigrations;
using Nexgent.Schema.Tests.SampleMigrations;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Kit;

/// <summary>
/// The kit on assemblies other than Nexgent's: the sample migrations, whose snapshots in Kit/Snapshots/SampleMigrations
/// are committed for four of their five versions (20300105000000.txt is left out on purpose), and migrations whose Down
/// forgets part of its Up.
/// </summary>
public sealed class MigrationKitTests
{
    private const long Unsnapshotted = 20300105000000;

    private static readonly MigrationsUnderTest Sample = new(typeof(CreateNotes).Assembly)
    {
        // Always compared, even in a run with SCHEMA_SNAPSHOTS=write: the missing snapshot must stay missing.
        Snapshots = new CatalogSnapshots("Snapshots/SampleMigrations") { Mode = SnapshotMode.Verify, OnCi = false },
    };

    private static IEnumerable<long> SampleVersions => Sample.Versions;

    private static IEnumerable<long> Snapshotted => Sample.Versions.Where(v => v != Unsnapshotted);

    [TestCaseSource(nameof(SampleVersions))]
    public void Every_sample_migration_goes_up_down_and_up_again_with_no_snapshot_needed(long version)
        => Sample.RoundTrip(TestServer.Current, version);

    [TestCaseSource(nameof(Snapshotted))]
    public void The_catalog_after_each_snapshotted_sample_migration_is_its_snapshot(long version)
        => Sample.CheckSnapshot(TestServer.Current, version);

    [Test]
    public void A_migration_without_a_snapshot_fails_only_its_snapshot_check_naming_the_command_that_writes_it()
    {
        Assert.That(File.Exists(Sample.Snapshots!.PathOf(Unsnapshotted)), Is.False);
        Assert.That(() => Sample.RoundTrip(TestServer.Current, Unsnapshotted), Throws.Nothing);

        var failure = Assert.Throws<MigrationCheckException>(() => Sample.CheckSnapshot(TestServer.Current, Unsnapshotted))!;

        Assert.That(failure.Version, Is.EqualTo(Unsnapshotted));
        Assert.That(failure.Message, Is.EqualTo($"""
            No snapshot of the catalog at 20300105000000 pin_notes_and_trim_bodies: tests/Nexgent.Schema.Tests/Kit/Snapshots/SampleMigrations/20300105000000.txt does not exist.
            Write it from the database the migrations build, then read it and commit it; from {Checkout()}:
              SCHEMA_SNAPSHOTS=write dotnet test tests/Nexgent.Schema.Tests --filter "FullyQualifiedName~20300105000000"
            """));
    }

    [Test]
    public void A_changed_snapshot_fails_with_the_lines_only_in_the_snapshot_and_only_in_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("kit-changed-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Sample.Snapshots!.Folder))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var changed = Path.Combine(folder, "20300103000000.txt");
            File.WriteAllText(changed, File.ReadAllText(changed).Replace("character varying(50)", "character varying(60)"));
            var edited = new MigrationsUnderTest(typeof(CreateNotes).Assembly) { Snapshots = new CatalogSnapshots(folder) { Mode = SnapshotMode.Verify, OnCi = false } };

            Assert.That(() => edited.CheckSnapshot(TestServer.Current, 20300102000000), Throws.Nothing);
            var failure = Assert.Throws<MigrationCheckException>(() => edited.CheckSnapshot(TestServer.Current, 20300103000000))!;

            Assert.That(failure.Message, Is.EqualTo($"""
                The catalog at 20300103000000 shorten_note_body is not its snapshot {changed}:
                  only in the snapshot (1 line):
                    - col notes.body character varying(60) not null
                  only in the database (1 line):
                    + col notes.body character varying(50) not null
                If the database is right (a migration changed before it shipped), rewrite the snapshot and review the change (git diff):
                  SCHEMA_SNAPSHOTS=write dotnet test --filter "FullyQualifiedName~20300103000000"
                """));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Writing_snapshots_gives_the_committed_files_byte_for_byte()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("kit-written-").FullName, "Snapshots");
        try
        {
            var writing = new MigrationsUnderTest(typeof(CreateNotes).Assembly) { Snapshots = new CatalogSnapshots(folder) { Mode = SnapshotMode.Write, OnCi = false } };

            foreach (var version in Sample.Versions)
            {
                writing.CheckSnapshot(TestServer.Current, version);
            }

            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(Sample.Versions.Select(CatalogSnapshots.FileName)));
            foreach (var version in Snapshotted)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(folder, CatalogSnapshots.FileName(version))), Is.EqualTo(File.ReadAllBytes(Sample.Snapshots!.PathOf(version))), $"{version}");
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Test]
    public void A_Down_that_forgets_part_of_its_Up_fails_the_round_trip_naming_the_migration_and_the_lines_left()
    {
        var broken = new MigrationsUnderTest(typeof(AddItemPriceAndSku).Assembly);

        Assert.That(() => broken.RoundTrip(TestServer.Current, 20320101000000), Throws.Nothing);
        var failure = Assert.Throws<MigrationCheckException>(() => broken.RoundTrip(TestServer.Current, 20320102000000))!;

        Assert.That(failure.Version, Is.EqualTo(20320102000000));
        Assert.That(failure.Message, Is.EqualTo("""
            20320102000000 add_item_price_and_sku: Down to 20320101000000 does not give back the schema the migration started from:
              only in the schema after Down (2 lines):
                + col items.price numeric(10,2)
                + index CREATE INDEX items_price_idx ON public.items USING btree (price)
            """));
    }

    [Test]
    public void Migrations_in_another_schema_are_migrated_and_read_there()
    {
        var inSchema = new MigrationsUnderTest(typeof(CreateNotes).Assembly) { Schema = "kit_app" };

        Assert.That(() => inSchema.RoundTrip(TestServer.Current, 20300102000000), Throws.Nothing);
        Assert.That(TestServer.Current.Templates(inSchema).CatalogAt(20300102000000), Is.EqualTo(new[]
        {
            "table notes",
            "col notes.id bigint not null identity a",
            "col notes.body character varying(200) not null",
            "col notes.author character varying(100)",
            "constraint notes notes_pkey PRIMARY KEY (id)",
            "index CREATE UNIQUE INDEX notes_pkey ON kit_app.notes USING btree (id)",
            "sequence notes_id_seq",
        }));
        using var database = TestServer.Current.Templates(inSchema).At(20300102000000);
        Assert.That(database.Catalog(), Is.Empty, "nothing in public");
        Assert.That(database.RecordedVersions("kit_app"), Is.EqualTo(new[] { 20300101000000, 20300102000000 }));
    }

    private static string Checkout()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nexgent.Schema.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The checkout (Nexgent.Schema.sln) was not found above the test folder.");
    }
}

using Nexgent.Schema.Cli;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Drift;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.ProgrammableMigrations;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Drift;

/// <summary>
/// baseline records migrations as applied only when drift finds nothing, with the same comparison: what drift sees, it
/// refuses. And the bookkeeping tables, a version table of an assembly's own name among them, are no part of a schema.
/// </summary>
public sealed class BaselineDriftTests
{
    private static readonly MigrationsUnderTest Migrations = new(typeof(CreateOneOfEachKind).Assembly);

    private static string Assembly => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.ProgrammableMigrations.dll");

    [TestCase("ALTER TABLE bookings SET UNLOGGED", "The table bookings is unlogged in the database but logged in the migrations.")]
    [TestCase("ALTER TABLE tags ALTER COLUMN description TYPE text COLLATE \"C\"", "The column tags.description has collation \"C\" in the database but the default collation in the migrations.")]
    [TestCase("ALTER TABLE bookings SET (fillfactor = 50)", "The table bookings has storage parameters (fillfactor=50) in the database but no storage parameters in the migrations.")]
    public void Baseline_refuses_a_schema_that_differs_only_in_a_setting_and_records_nothing(string change, string sentence)
    {
        using var database = Unrecorded();
        database.Execute(change);

        var run = Fm.Run("baseline", "--version", Migrations.Latest.ToString(), "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("Nothing was recorded: the schema is not what the migrations build at that version (1 difference(s)): " + sentence));
        Assert.That(database.RecordedVersions(), Is.Empty);
    }

    [Test]
    public void Baseline_accepts_the_same_schema_untouched()
    {
        using var database = Unrecorded();

        var run = Fm.Run("baseline", "--version", Migrations.Latest.ToString(), "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(Migrations.Versions));
    }

    [Test]
    public void A_version_table_of_another_name_is_bookkeeping_when_named()
    {
        using var database = TestServer.Current.CreateDatabase();
        database.Execute("CREATE TABLE schema_versions (version_number bigint); COMMENT ON TABLE schema_versions IS 'Ours'; CREATE TABLE widgets (id integer)");
        var connection = DatabaseConnection.Parse(database.ConnectionString);

        Assert.That(Tables(SchemaCatalog.Read(connection, versionTable: "schema_versions")), Is.EqualTo(new[] { "widgets" }));
        Assert.That(Tables(SchemaCatalog.Read(connection)), Is.EqualTo(new[] { "schema_versions", "widgets" }));
    }

    private static IEnumerable<string> Tables(IEnumerable<CatalogFact> facts) => facts.Where(f => f.Kind == FactKind.Table).Select(f => f.Name);

    /// <summary>The schema the migrations build, recording no version: as a database someone built by hand.</summary>
    private static TestDatabase Unrecorded()
    {
        var database = TestServer.Current.Templates(Migrations).At(Migrations.Latest);
        database.Execute($"DROP TABLE \"{VersionTable.DefaultTableName}\"");
        return database;
    }
}

using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// A schema whose name needs quoting, from the URL's <c>schema</c> parameter, through every verb of <c>dotnet fm</c>
/// with Nexgent's migrations; and a name PostgreSQL cannot take, refused before anything is made.
/// </summary>
public sealed class SchemaNameTests
{
    [TestCase("MixedCase")]
    [TestCase("with space")]
    [TestCase("we\"ird")]
    public void A_schema_that_needs_quoting_works_with_every_verb(string schema)
    {
        using var database = TestDatabase.Create();
        using var migratedInPublic = TemplateDatabases.At(Golden.Latest);
        var url = database.Url.Replace("?schema=public", "?schema=" + Uri.EscapeDataString(schema), StringComparison.Ordinal);

        var migrate = Fm.Run("migrate", "-c", url);
        Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Success), migrate.ToString());
        Assert.That(migrate.Output, Does.Contain($"(schema {schema}) is now at version {Golden.Latest}"));
        Assert.That(database.RecordedVersions(schema), Is.EqualTo(Golden.Versions));
        Assert.That(TablesIn(database, schema), Is.EqualTo(TablesIn(migratedInPublic, "public")), "Nexgent's tables, VersionInfo and VersionJournal");
        Assert.That(database.Catalog(), Is.Empty, "nothing in public");

        var status = Fm.Run("status", "-c", url);
        Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Success), status.ToString());
        Assert.That(status.Output, Does.Contain($"{Golden.Versions.Count} applied, 0 pending"));

        var drift = Fm.Run("drift", "-c", url);
        Assert.That(drift.ExitCode, Is.EqualTo(ExitCodes.Success), drift.ToString());

        var rollback = Fm.Run("rollback", "all", "-c", url);
        Assert.That(rollback.ExitCode, Is.EqualTo(ExitCodes.Success), rollback.ToString());
        Assert.That(TablesIn(database, schema), Is.EqualTo(new[] { "VersionInfo", "VersionJournal" }));
        Assert.That(database.RecordedVersions(schema), Is.Empty);

        var reset = Fm.Run("reset", "--force", "-c", url);
        Assert.That(reset.ExitCode, Is.EqualTo(ExitCodes.Success), reset.ToString());
        Assert.That(database.RecordedVersions(schema), Is.EqualTo(Golden.Versions));
    }

    [Test]
    public void A_schema_name_longer_than_63_bytes_is_refused_before_anything_is_created()
    {
        using var database = TestDatabase.Create();
        var schema = new string('s', 64);
        var url = database.Url.Replace("?schema=public", "?schema=" + schema, StringComparison.Ordinal);

        var run = Fm.Run("migrate", "-c", url);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error.Trim(), Is.EqualTo(
            $"error: The schema name '{schema}' cannot be used: it is 64 bytes long and PostgreSQL names hold at most 63; name another with ?schema= in the URL (Search Path= in Npgsql keywords)."));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'sss%'"), Is.Zero, "no schema");
        Assert.That(database.Scalar<long>("SELECT count(*) FROM pg_class WHERE relname IN ('VersionInfo', 'VersionJournal')"), Is.Zero, "no version table");
    }

    private static List<string> TablesIn(TestDatabase database, string schema)
    {
        using var connection = database.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT tablename::text FROM pg_tables WHERE schemaname = @schema ORDER BY 1", connection);
        command.Parameters.AddWithValue("schema", schema);
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}

using System.Reflection;
using Nexgent.Schema.Cli;
using Nexgent.Schema.Migrations.Versions;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Generation;

/// <summary>
/// <c>dotnet fm import-prisma</c> on this project's own history: Nexgent's 18 migrations written out as a Prisma
/// migrations folder (each one's SQL as <c>migrate --preview</c> prints it on a database at the version before),
/// imported into a new project, built, and the catalog at every version the golden one, going up and going down.
/// </summary>
public sealed class ImportPrismaTests
{
    [Test]
    public void Nexgents_history_imported_from_a_Prisma_folder_builds_the_golden_catalog_at_every_version_up_and_down()
    {
        var folder = PrismaFolderOfNexgentsHistory();
        var project = Generated.NewProject(nexgentHistory: false);
        using var database = TestDatabase.Create();
        try
        {
            var import = Fm.Run("import-prisma", folder, "--project", project, "-c", database.ConnectionString);
            TestContext.Progress.WriteLine(import.Output);

            Assert.That(import.ExitCode, Is.EqualTo(ExitCodes.Success), import.ToString());
            Assert.That(import.Output, Does.Contain(TableInTheGuide()).And.Contain($"Wrote {Golden.Versions.Count} class(es)"), "the guide shows the table as it is");
            Assert.That(Directory.GetFiles(project, "*.cs").Select(f => Path.GetFileName(f)[..14]).Order(), Is.EqualTo(Golden.Versions.Select(v => $"{v}")));
            var built = Fm.Run("list", "migrations", "--project", project, "-c", database.ConnectionString);
            Assert.That(built.ExitCode, Is.EqualTo(ExitCodes.Success), built.ToString());

            using var runner = Runner(database, Generated.Built(project));
            foreach (var version in Golden.Versions)
            {
                runner.Runner.MigrateUp(version);
                Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(version)), $"up to {version}");
            }

            foreach (var version in Golden.Versions.Reverse())
            {
                var previous = Golden.Previous(version);
                runner.Runner.MigrateDown(previous);
                Assert.That(database.Catalog(), Is.EquivalentTo(Golden.CatalogAt(previous)), $"down to {previous}");
            }
        }
        finally
        {
            Directory.Delete(project, recursive: true);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A shop's Prisma history (Generation/PrismaShop) as Prisma writes it: mixed-case names, TIMESTAMP(3), a RESTRICT
    /// foreign key, enum values added and one removed (Prisma's BEGIN ... COMMIT that makes the type again), a rename
    /// written by hand, a backfill and a DELETE.
    /// </summary>
    [Test]
    public void A_Prisma_history_as_Prisma_writes_it_imports_into_classes_that_build_and_round_trip()
    {
        var project = Generated.NewProject(nexgentHistory: false);
        using var database = TestDatabase.Create();
        try
        {
            var import = Fm.Run("import-prisma", Path.Combine(Generated.Root, "tests", "Nexgent.Schema.Tests", "Generation", "PrismaShop"), "--project", project, "-c", database.ConnectionString);

            Assert.That(import.ExitCode, Is.EqualTo(ExitCodes.Success), import.ToString());
            Assert.That(import.Output, Does.Contain("20240103090000  rename_and_backfill        1        2        0                          2"));
            string Class(string name) => File.ReadAllText(Directory.GetFiles(project, $"*_{name}.cs").Single());
            Assert.That(Class("RenameAndBackfill"), Does.Contain("""Rename.Column("name").OnTable("User").To("displayName");""")
                .And.Contain("""Execute.Sql("UPDATE \"Order\" SET \"currency\" = 'EUR' WHERE \"currency\" IS NULL;");""")
                .And.Contain("""[LosesData(MigrationDirection.Up, "DELETE FROM \"Order\" WHERE \"total\" = 0 deletes rows of Order that Down cannot restore.")]"""));
            Assert.That(Class("DropRoleGuest"), Does.Contain("// REVIEW: Prisma's SQL as written").And.Contain("""CREATE TYPE "Role" AS ENUM ('GUEST', 'USER', 'ADMIN', 'OWNER');""").And.Not.Contain("BEGIN;"));
            Assert.That(Fm.Run("list", "migrations", "--project", project, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success), "the classes build");

            var imported = new MigrationsUnderTest(Generated.Built(project));
            foreach (var version in imported.Versions)
            {
                imported.RoundTrip(TestServer.Current, version);
            }
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Test]
    public void A_folder_named_without_a_timestamp_is_refused_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("prisma-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "01_init"));
            File.WriteAllText(Path.Combine(folder, "01_init", "migration.sql"), "CREATE TABLE t (id int);");

            var run = Fm.Run("import-prisma", folder, "-d", folder);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
            Assert.That(run.Error.Trim(), Is.EqualTo("error: The Prisma migration folder '01_init' does not start with a 14-digit timestamp (yyyyMMddHHmmss_name), which is what becomes its version; rename it, and any other such folder, with timestamps in the order Prisma applies them (the order of their names), then import again."));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Nexgent's migrations as Prisma keeps them: a folder per migration, its SQL as the preview prints it, bookkeeping left out.</summary>
    private static string PrismaFolderOfNexgentsHistory()
    {
        var folder = Directory.CreateTempSubdirectory("prisma-history-").FullName;
        foreach (var version in Golden.Versions)
        {
            using var before = TemplateDatabases.At(Golden.Previous(version));
            var script = Path.Combine(folder, $"{version}.sql");
            using (var preview = SchemaRunnerScope.Create(options =>
                   {
                       options.ConnectionString = before.ConnectionString;
                       options.MigrationAssemblies.Add(typeof(Init).Assembly);
                       options.Preview = true;
                       options.SqlOutputFile = script;
                       options.SqlWriter = TextWriter.Null;
                   }))
            {
                preview.Runner.MigrateUp(version);
            }

            var migration = Directory.CreateDirectory(Path.Combine(folder, $"{version}_{Golden.Migrations.Description(version)}")).FullName;
            File.WriteAllLines(Path.Combine(migration, "migration.sql"), File.ReadAllLines(script)
                .Where(line => !line.StartsWith("/*", StringComparison.Ordinal) && !line.Contains("VersionInfo", StringComparison.Ordinal) && !line.Contains("UC_Version", StringComparison.Ordinal)));
            File.Delete(script);
        }

        return folder;
    }

    /// <summary>The import table the author's guide shows for Nexgent's history.</summary>
    private static string TableInTheGuide()
    {
        var guide = File.ReadAllText(Path.Combine(Generated.Root, "src", "Nexgent.Schema.Migrations", "README.md"));
        var start = guide.IndexOf("```text\nversion ", StringComparison.Ordinal) + "```text\n".Length;
        return guide[start..guide.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static SchemaRunnerScope Runner(TestDatabase database, Assembly migrations)
        => SchemaRunnerScope.Create(options =>
        {
            options.ConnectionString = database.ConnectionString;
            options.MigrationAssemblies.Add(migrations);
        });
}

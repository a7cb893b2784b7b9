using System.Reflection;
using Nexgent.Schema.Cli;
using Nexgent.Schema.Migrations.Versions;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Nexgent.Schema.Tests.Scripting;
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

    /// <summary>
    /// Folders named as many projects name them, not with timestamps, imported as they are: Prisma applies them in the
    /// ordinal order of their names (10_b before 1_a), and each SQL only runs after the one before it, so a class applied
    /// out of that order fails. The classes build, migrate to the catalog psql gives from Prisma's SQL in that order, roll
    /// back to nothing, and baseline a database Prisma migrated with those names.
    /// </summary>
    [TestCase("01_init", "02_add_label", "10_rename_label")]
    [TestCase("1_a", "10_b", "2_c")]
    [TestCase("00000000000000_init", "20240101000000_add_label", "20240102000000_rename_label")]
    [TestCase("0_init", "20240101000000_add_label", "9_rename_label")]
    public void A_Prisma_folder_named_in_any_way_imports_in_Prismas_order_and_baselines_a_database_Prisma_migrated(params string[] names)
    {
        string[] steps =
        [
            """CREATE TABLE "item" ("id" INTEGER NOT NULL, CONSTRAINT "item_pkey" PRIMARY KEY ("id"));""",
            """ALTER TABLE "item" ADD COLUMN "label" TEXT;""",
            """ALTER TABLE "item" RENAME COLUMN "label" TO "title";""",
        ];
        var inPrismasOrder = names.Order(StringComparer.Ordinal).ToList();
        var folder = Directory.CreateTempSubdirectory("prisma-").FullName;
        var project = Generated.NewProject(nexgentHistory: false);
        using var database = TestDatabase.Create();
        using var prismaMigrated = TestDatabase.Create();
        try
        {
            foreach (var (name, sql) in inPrismasOrder.Zip(steps))
            {
                Directory.CreateDirectory(Path.Combine(folder, name));
                File.WriteAllText(Path.Combine(folder, name, "migration.sql"), sql);
            }

            var import = Fm.Run("import-prisma", folder, "--project", project, "-c", database.ConnectionString);

            Assert.That(import.ExitCode, Is.EqualTo(ExitCodes.Success), import.ToString());
            Assert.That(Fm.Run("list", "migrations", "--project", project, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success), "the classes build");
            var imported = Generated.Built(project).GetTypes()
                .Select(t => (Attribute: t.GetCustomAttribute<FluentMigrator.MigrationAttribute>(), Source: File.ReadAllText(Directory.GetFiles(project, $"*_{t.Name}.cs").Single())))
                .Where(m => m.Attribute is not null)
                .OrderBy(m => m.Attribute!.Version)
                .ToList();
            Assert.That(imported.Select(m => inPrismasOrder.Single(n => m.Source.Contains($"from Prisma's migration {n}.", StringComparison.Ordinal))), Is.EqualTo(inPrismasOrder), "the versions keep Prisma's order");

            var psql = Scripts.Psql(prismaMigrated, inPrismasOrder.SelectMany(n => new[] { "-f", Path.Combine(folder, n, "migration.sql") }));
            Assert.That(psql.ExitCode, Is.Zero, psql.Error);
            using (var runner = Runner(database, Generated.Built(project)))
            {
                runner.Runner.MigrateUp();
                Assert.That(database.Catalog(), Is.EqualTo(prismaMigrated.Catalog()), "up: what Prisma's SQL gives");
                runner.Runner.MigrateDown(0);
                Assert.That(database.Catalog(), Is.Empty, "down: nothing");
            }

            prismaMigrated.Execute(PrismaBuilt.CreateTable);
            foreach (var name in inPrismasOrder)
            {
                PrismaBuilt.Record(prismaMigrated, name);
            }

            var baseline = Fm.Run("baseline", "--from-prisma", "--project", project, "-c", prismaMigrated.ConnectionString);
            Assert.That(baseline.ExitCode, Is.EqualTo(ExitCodes.Success), baseline.ToString());
            Assert.That(prismaMigrated.RecordedVersions(), Is.EqualTo(imported.Select(m => m.Attribute!.Version)));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
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

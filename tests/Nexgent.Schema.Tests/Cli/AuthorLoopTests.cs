using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// The author's loop as a migration author lives it: <c>dotnet fm new</c> in a migrations project of their own,
/// fill in Up and Down, and every later command builds the project and runs what was just written.
/// </summary>
public sealed class AuthorLoopTests
{

    [Test]
    public void New_then_preview_migrate_and_rollback_run_the_code_just_written_with_no_pack_step()
    {
        using var database = TestDatabase.Create();
        var project = NewMigrationsProject();
        try
        {
            var created = Fm.Run("new", "add agent notes", "--project", project);
            Assert.That(created.ExitCode, Is.EqualTo(ExitCodes.Success), created.ToString());
            Assert.That(created.Output, Does.Contain($"dotnet fm migrate --preview --project {project}"));
            var file = Directory.GetFiles(project, "*_AddAgentNotes.cs").Single();

            FillIn(file, "\"body\" text NOT NULL");
            var preview = Fm.Run("migrate", "--preview", "--project", project, "-c", database.ConnectionString);
            Assert.That(preview.ExitCode, Is.EqualTo(ExitCodes.Success), preview.ToString());
            Assert.That(preview.Output, Does.Contain("CREATE TABLE agent_notes (\"body\" text NOT NULL)"));

            FillIn(file, "\"body\" text NOT NULL, pinned boolean NOT NULL DEFAULT false");
            preview = Fm.Run("migrate", "--preview", "--project", project, "-c", database.ConnectionString);
            Assert.That(preview.Output, Does.Contain("pinned boolean"), "an edit shows in the next run");

            File.AppendAllText(file, "this is not C#");
            var broken = Fm.Run("migrate", "--preview", "--project", project, "-c", database.ConnectionString);
            Assert.That(broken.ExitCode, Is.EqualTo(ExitCodes.Failure), broken.ToString());
            Assert.That(broken.Error, Does.Contain("error CS").And.Contain("did not build; fix the errors above"));
            var lastBuilt = Fm.Run("migrate", "--preview", "--no-build", "--project", project, "-c", database.ConnectionString);
            Assert.That(lastBuilt.Output, Does.Contain("pinned boolean"), "--no-build runs the last successful build");

            FillIn(file, "\"body\" text NOT NULL, pinned boolean NOT NULL DEFAULT false");
            Assert.That(Fm.Run("migrate", "--project", project, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(database.Scalar<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'agent_notes'"), Is.EqualTo(2));
            Assert.That(Fm.Run("status", "--project", project, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(Fm.Run("rollback", "--project", project, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
            Assert.That(database.Scalar<bool>("SELECT to_regclass('public.agent_notes') IS NULL"), Is.True);
            Assert.That(Fm.Run("status", "--project", project, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.NotUpToDate));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Test]
    public void An_assembly_given_with_a_is_the_one_that_runs_even_beside_another_of_the_same_name()
    {
        using var database = TestDatabase.Create();
        var project = NewMigrationsProject();
        var copy = Directory.CreateTempSubdirectory("fm-copy-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "20400101000000_First.cs"), Migration(20400101000000, "first", "CREATE TABLE first (id int)", "DROP TABLE first"));
            Assert.That(Fm.Run("list", "migrations", "--project", project, "-c", database.ConnectionString).Output, Does.Contain("20400101000000"));
            var output = Path.Combine(project, "bin", "Debug", "net10.0");
            foreach (var built in Directory.GetFiles(output))
            {
                File.Copy(built, Path.Combine(copy, Path.GetFileName(built)));
            }

            File.WriteAllText(Path.Combine(project, "20400102000000_Second.cs"), Migration(20400102000000, "second", "CREATE TABLE second (id int)", "DROP TABLE second"));
            var fresh = Fm.Run("list", "migrations", "--project", project, "-c", database.ConnectionString);
            var old = Fm.Run("list", "migrations", "-a", Path.Combine(copy, "LoopMigrations.dll"), "-c", database.ConnectionString);

            Assert.That(fresh.Output, Does.Contain("20400102000000"), fresh.ToString());
            Assert.That(old.ExitCode, Is.EqualTo(ExitCodes.Success), old.ToString());
            Assert.That(old.Output, Does.Contain("20400101000000").And.Not.Contain("20400102000000"));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>
    /// A migrations project as another team would have it, inside this checkout so that its central package
    /// versions apply, referencing FluentMigrator and the building blocks only: the building blocks as built beside
    /// the tests, since two tests building their project reference at once would race on its obj folder.
    /// </summary>
    private static string NewMigrationsProject()
    {
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "loop-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "LoopMigrations.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="FluentMigrator" />
                <Reference Include="Nexgent.Schema.Postgres" HintPath="{Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Postgres.dll")}" />
              </ItemGroup>
            </Project>
            """);
        return folder;
    }

    /// <summary>Replaces the scaffolded Up and Down with a table of <paramref name="columns"/> and its drop.</summary>
    private static void FillIn(string file, string columns)
    {
        var text = File.ReadAllText(file);
        var version = long.Parse(Path.GetFileName(file)[..14]);
        File.WriteAllText(file, Migration(version, "add_agent_notes", $"CREATE TABLE agent_notes ({columns})", "DROP TABLE agent_notes", ClassName(text)));
    }

    private static string ClassName(string source) => source.Split("public sealed class ")[1].Split(' ', ':')[0].Trim();

    private static string Migration(long version, string description, string up, string down, string? className = null) => $$"""
        using FluentMigrator;

        namespace LoopMigrations;

        [Migration({{version}}, "{{description}}")]
        public sealed class {{className ?? "M" + version}} : Migration
        {
            public override void Up() => Execute.Sql("{{up.Replace("\"", "\\\"")}}");

            public override void Down() => Execute.Sql("{{down}}");
        }
        """;
}

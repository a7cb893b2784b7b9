using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Scripting;

/// <summary><c>dotnet fm script</c> as a process: the script to standard output or -o, connecting to nothing, and its refusals.</summary>
public sealed class ScriptCliTests
{
    private static string Features => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.FluentMigratorFeatures.dll");

    [Test]
    public void Without_o_the_script_goes_to_standard_output_written_for_the_schema_the_url_names_connecting_to_nothing()
    {
        // db.invalid cannot resolve: anything that tried to connect would fail the command.
        var run = Fm.Run("script", "--from", Golden.Versions[^3].ToString(), "--idempotent", "-c", "postgresql://nobody:secret@db.invalid:5432/nexgent?schema=trading");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Is.EqualTo(Scripts.Write(from: Golden.Versions[^3], idempotent: true, schema: "trading").Sql));
        Assert.That(run.Output, Does.StartWith($"-- dotnet fm script: 2 migration(s) up on schema \"trading\", from version {Golden.Versions[^3]} to version {Golden.Latest}, idempotent."));
        Assert.That(run.All, Does.Not.Contain("secret"));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public void With_o_the_script_goes_to_the_file_and_the_command_says_how_to_run_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fm-script-{Guid.NewGuid():N}.sql");
        try
        {
            var run = Fm.Run("script", "--down", "--to", Golden.Versions[^2].ToString(), "-o", file);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            Assert.That(File.ReadAllText(file), Is.EqualTo(Scripts.Write(to: Golden.Versions[^2], down: true).Sql));
            Assert.That(run.Output, Is.EqualTo(
                $"Wrote {file}: 1 migration(s) rolled back, schema \"public\" from version {Golden.Latest} to {Golden.Versions[^2]}.\n" +
                $"Run it with: psql -v ON_ERROR_STOP=1 -f {file} <connection> (a URL without Prisma's ?schema=, which psql refuses: the script sets the schema itself)\n"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_migration_with_no_sql_is_refused_in_one_sentence_and_nothing_is_written()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fm-script-{Guid.NewGuid():N}.sql");

        var run = Fm.Run("script", "--tag", "connection", "-a", Features, "-o", file);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Is.EqualTo("error: Migration 5 StampEventsWithConnection runs code against the connection (Execute.WithConnection) in its Up, which has no SQL a script can hold; apply it with the runner instead. Nothing was written.\n"));
        Assert.That(File.Exists(file), Is.False);
    }

    [Test]
    public void A_rollback_script_needs_its_target_and_the_help_says_the_script_is_for_psql()
    {
        var down = Fm.Run("script", "--down");
        var help = Fm.Run("script", "--help");

        Assert.That(down.ExitCode, Is.EqualTo(ExitCodes.Usage), down.ToString());
        Assert.That(down.Error, Does.Contain("error: Give --down the version to roll back to with --to V (0 for none)."));
        Assert.That(help.Output, Does.Contain("script for psql (run it with psql -v ON_ERROR_STOP=1 -f FILE)").And.Contain("--idempotent").And.Contain("rollback to"));
    }
}

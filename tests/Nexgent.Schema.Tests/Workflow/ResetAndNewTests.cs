using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Workflow;

public sealed class ResetAndNewTests
{
    [Test]
    public void Reset_with_force_drops_everything_and_migrates_again()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Latest);
        database.Execute("CREATE VIEW active_agents AS SELECT id FROM agents; CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 42';");

        var run = Fm.Run("reset", "--force", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM agents"), Is.Zero);
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
    }

    [Test]
    public void Reset_without_a_terminal_needs_force_and_changes_nothing()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Latest);

        var run = Fm.Run("reset", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain("needs confirmation; run it from a terminal, or pass --force"));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM agents"), Is.EqualTo(3));
    }

    [Test]
    public void Reset_on_a_terminal_asks_for_the_database_name()
    {
        using var database = TemplateDatabases.SeededAt(Golden.Latest);

        var wrong = Fm.RunOnTerminal("nexgent", "reset", "-c", database.ConnectionString);
        Assert.That(wrong.ExitCode, Is.EqualTo(ExitCodes.Failure), wrong.ToString());
        Assert.That(wrong.Output, Does.Contain($"Type the database name ({database.Name}) to continue").And.Contain("Reset cancelled"));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM agents"), Is.EqualTo(3));

        var right = Fm.RunOnTerminal(database.Name, "reset", "-c", database.ConnectionString);
        Assert.That(right.ExitCode, Is.EqualTo(ExitCodes.Success), right.ToString());
        Assert.That(database.Scalar<long>("SELECT count(*) FROM agents"), Is.Zero);
        Assert.That(database.Catalog(), Is.EqualTo(Golden.CatalogAt(Golden.Latest)));
    }

    [TestCase("NODE_ENV", "production")]
    [TestCase("ASPNETCORE_ENVIRONMENT", "Production")]
    [TestCase("DOTNET_ENVIRONMENT", "Production")]
    public void Reset_refuses_production_unless_told_twice(string variable, string value)
    {
        using var database = TemplateDatabases.SeededAt(Golden.Latest);
        var production = new Dictionary<string, string?> { [variable] = value };

        var refused = Fm.Run(production, "reset", "--force", "-c", database.ConnectionString);
        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Failure), refused.ToString());
        Assert.That(refused.Error, Does.Contain($"{variable} says this is production"));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM agents"), Is.EqualTo(3));

        var forced = Fm.Run(production, "reset", "--force", "--i-know-this-is-production", "-c", database.ConnectionString);
        Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Success), forced.ToString());
        Assert.That(database.Scalar<long>("SELECT count(*) FROM agents"), Is.Zero);
    }

    [Test]
    public void New_writes_a_versioned_migration_class_and_refuses_a_name_twice()
    {
        var folder = Directory.CreateTempSubdirectory("fm-new-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "20260211120000_AddUserIdToTradingSignals.cs"),
                "namespace Acme.Migrations;\n[Migration(20260211120000, \"add_user_id_to_trading_signals\")]\npublic sealed class AddUserIdToTradingSignals { }\n");

            var run = Fm.Run("new", "add notifications", "-d", folder);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
            var file = Directory.GetFiles(folder, "*_AddNotifications.cs").Single();
            var version = Path.GetFileName(file)[..14];
            Assert.That(DateTime.ParseExact(version, "yyyyMMddHHmmss", null), Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(2)));
            var code = File.ReadAllText(file);
            Assert.That(code, Does.Contain("namespace Acme.Migrations;")
                .And.Contain($"[Migration({version}, \"add_notifications\")]")
                .And.Contain("public sealed class AddNotifications : Migration")
                .And.Contain("public override void Up()")
                .And.Contain("public override void Down()"));

            Assert.That(Fm.Run("new", "AddNotifications", "-d", folder).Error, Does.Contain("A migration named add_notifications already exists"));
            Assert.That(Fm.Run("new", "add-user-id-to-trading-signals", "-d", folder).Error, Does.Contain("already exists (20260211120000_AddUserIdToTradingSignals.cs)"));
            Assert.That(Fm.Run("new", "42", "-d", folder).ExitCode, Is.EqualTo(ExitCodes.Failure));
            Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(2));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Workflow;

/// <summary><c>dotnet fm validate</c>: conventions of the code, and applied migrations unchanged since they ran.</summary>
public sealed class ValidateTests
{
    [Test]
    public void Nexgents_migrations_are_valid_and_their_checksums_recorded_when_applied()
    {
        using var database = TemplateDatabases.At(Golden.Latest);

        var run = Fm.Run("validate", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Does.Contain($"Valid: {Golden.Versions.Count} applied migration(s) unchanged."));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM \"VersionJournal\" WHERE \"State\" = 'applied' AND length(\"Checksum\") = 64"), Is.EqualTo(Golden.Versions.Count));
    }

    [Test]
    public void A_migration_changed_after_it_was_applied_is_reported()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        // What the journal would hold had 20260123000000's code been different when it ran.
        database.Execute("UPDATE \"VersionJournal\" SET \"Checksum\" = repeat('0', 64) WHERE \"Version\" = 20260123000000");

        var run = Fm.Run("validate", "--json", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ValidationFailed), run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        var problems = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("Migration 20260123000000 add_api_keys has changed since it was applied on"));
    }

    [Test]
    public void Validate_that_cannot_connect_exits_with_the_failure_code_not_the_one_for_problems_found()
    {
        var run = Fm.Run("validate", "-c", "postgresql://nexgent:secret@127.0.0.1:1/nexgent?connect_timeout=5");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(ExitCodes.ValidationFailed, Is.Not.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.StartWith("error: Cannot reach PostgreSQL at 127.0.0.1:1"));
    }

    [Test]
    public void Empty_down_methods_and_names_off_the_convention_are_reported()
    {
        using var database = TestDatabase.Create();
        var ledger = Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.LedgerMigrations.dll");

        var run = Fm.Run("validate", "-a", ledger, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ValidationFailed), run.ToString());
        Assert.That(run.Output, Does.Contain("Migration 20310104000000 Archive old entries: the description should be snake_case and the class its PascalCase (ArchiveLedger).")
            .And.Contain("Migration 20310104000000 Archive old entries has an empty Down; write it, or mark the class [Irreversible(\"why\")]."));
    }
}

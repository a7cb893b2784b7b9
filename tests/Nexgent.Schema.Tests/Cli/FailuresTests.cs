using Nexgent.Schema.Cli;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Safety;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// The runner's typed failures name no command-line verb or option; the CLI turns each into a sentence with its
/// own advice and an exit code. Pure logic: no server.
/// </summary>
public sealed class FailuresTests
{
    private static readonly MigrationStep Dropping = new(20300101000000, "drop_notes", FluentMigrator.MigrationDirection.Up, ["notes is dropped"]);

    private static IEnumerable<TestCaseData> TypedFailures()
    {
        yield return Case(new MigrationLockTimeoutException("db", TimeSpan.FromSeconds(3)), "raise --lock-wait", ExitCodes.Failure);
        yield return Case(new MigrationLockLostException("db", 20310102000000, "20310103000000 unique_ledger_refs (up)"), "check `dotnet fm status` before running again", ExitCodes.Failure);
        yield return Case(new DirtyDatabaseException(20310103000000, "20310103000000 unique_ledger_refs", "db", "failed midway (x)"), "dotnet fm resolve --rolled-back 20310103000000", ExitCodes.Failure);
        yield return Case(new UnknownVersionException(42, "18, 1 to 2"), "dotnet fm list migrations", ExitCodes.Failure);
        yield return Case(new MissingMigrationException(42), "(-a)", ExitCodes.Failure);
        yield return Case(new UnrecordedSchemaException("db", migratedByPrisma: true), "dotnet fm baseline --from-prisma", ExitCodes.Failure);
        yield return Case(new UnrecordedSchemaException("db", migratedByPrisma: false), "dotnet fm baseline --version V", ExitCodes.Failure);
        yield return Case(new DataLossRefusedException([(Dropping, Dropping.DataLoss)]), "--accept-data-loss", ExitCodes.DataLossRefused);
        yield return Case(new RollbackRefusedException([new RollbackRefusal(20300101000000, "widen_prices", "prices", "q", "numeric(20,8)", 8, 3)]), "then roll back again", ExitCodes.Failure);
        yield return Case(new BreakingChangeRefusedException([Dropping]), "run again with --allow-breaking-changes (-b) to apply it", ExitCodes.Failure);
        yield return Case(new SqlOutputFileException("/x/out.sql", "its folder /x does not exist"), "Cannot write the SQL to '/x/out.sql' (-o): its folder /x does not exist", ExitCodes.Failure);
        yield return Case(new VersionOrderException(2, "2 add_b", 1, 3), "Migration 2 add_b is pending but later versions are already applied", ExitCodes.ValidationFailed);
    }

    [TestCaseSource(nameof(TypedFailures))]
    public void A_typed_failure_names_no_cli_verb_and_the_cli_gives_its_own_advice(SchemaRunnerException failure, string advice, int exitCode)
    {
        Assert.That(failure.Message, Does.Not.Contain("dotnet fm").And.Not.Contain(" --").And.Not.Contain("-a)"));

        var (sentence, code) = Failures.Describe(failure);

        Assert.That(sentence, Does.Contain(advice));
        Assert.That(code, Is.EqualTo(exitCode));
    }

    [Test]
    public void An_unexpected_failure_points_at_verbose()
    {
        var (sentence, code) = Failures.Describe(new InvalidOperationException("boom.\nsecond line"));

        Assert.That(sentence, Is.EqualTo("Unexpected failure: boom; run again with --verbose for details."));
        Assert.That(code, Is.EqualTo(ExitCodes.Failure));
    }

    private static TestCaseData Case(SchemaRunnerException failure, string advice, int exitCode)
        => new TestCaseData(failure, advice, exitCode).SetArgDisplayNames(failure.GetType().Name + (failure is UnrecordedSchemaException u ? $"(prisma: {u.MigratedByPrisma})" : ""));
}

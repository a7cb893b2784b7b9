using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Lint;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Lint;

/// <summary>A runner made with no database (<see cref="SchemaRunnerOptions.NoConnection"/>): it reads code, and connects to nothing.</summary>
public sealed class OfflineRunnerTests
{
    [Test]
    public void It_lints_every_migration_and_refuses_what_needs_a_database_before_connecting()
    {
        using var scope = SchemaRunnerScope.Create(options =>
        {
            options.NoConnection = true;
            options.MigrationAssemblies.Add(typeof(Nexgent.Schema.Tests.LintMigrations.CreateTrades).Assembly);
        });

        var report = scope.Runner.Lint();

        Assert.That(report.Connected, Is.False);
        Assert.That(report.Database, Is.EqualTo("no database (schema public)"));
        Assert.That(report.Linted, Has.Count.EqualTo(7));
        Assert.That(report.Hazards.Select(f => f.Rule), Is.EqualTo(new[]
        {
            LintRules.AddIndexWithoutConcurrently, LintRules.AlterColumnTypeRewrite, LintRules.DropColumn, LintRules.UnbatchedDataChange,
        }));
        Assert.That(report.Accepted.Single().AcceptedBecause, Does.StartWith("trades.account_id is new"));
        Assert.That(report.Findings, Has.All.Matches<LintFinding>(f => f.Size is null), "no database, no sizes");
        Assert.That(report.NotAnalysed.Select(n => n.ToString()), Is.EqualTo(new[]
        {
            "20360107000000 uppercase_new_symbols: not analysed: CREATE TRIGGER trades_upper_symbol BEFORE INSERT OR UPDATE ON trades FOR EACH ROW EXECUTE FUNCTION trades_upper_symbol()",
        }));
        Assert.That(report.IsClean, Is.False, "the hazards; what is not analysed alone would leave it clean");
        Assert.That(scope.Runner.Status, Throws.TypeOf<NoDatabaseException>());
        Assert.That(() => scope.Runner.MigrateUp(), Throws.TypeOf<NoDatabaseException>());
    }

    [Test]
    public void A_connection_string_given_with_no_connection_only_names_the_schema()
    {
        using var scope = SchemaRunnerScope.Create(options =>
        {
            options.NoConnection = true;
            options.ConnectionString = "postgresql://nobody:secret@db.invalid:5432/nexgent?schema=trading";
            options.MigrationAssemblies.Add(typeof(Nexgent.Schema.Tests.LintMigrations.CreateTrades).Assembly);
        });

        var report = scope.Runner.Lint(from: 20360102000000, to: 20360102000000);

        Assert.That(report.Database, Is.EqualTo("no database (schema trading)"));
        Assert.That(report.Findings.Single().Statement, Is.EqualTo("CREATE INDEX \"trades_symbol_idx\" ON \"trading\".\"trades\" (\"symbol\" ASC)"));
    }
}

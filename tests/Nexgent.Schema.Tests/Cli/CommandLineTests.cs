using System.CommandLine;
using Nexgent.Schema.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// The command line itself: numbers out of range and FluentMigrator's dotnet-fm options dotnet fm does not take are
/// usage errors (exit 2, one sentence naming the option), found before any connection; FluentMigrator's -t means
/// what it means there. The parsing cases run in-process; the exit codes through the published tool, with no server.
/// </summary>
public sealed class CommandLineTests
{
    private static IEnumerable<TestCaseData> UsageErrors()
    {
        yield return Case(["migrate", "--lock-wait", "-1"], "error: --lock-wait -1 is negative; give a number of seconds, 0 or more.");
        yield return Case(["deploy", "--lock-timeout", "-3"], "error: --lock-timeout -3 is negative; give a number of seconds, 0 or more.");
        yield return Case(["migrate", "--timeout", "-5"], "error: --timeout -5 is negative; give a number of seconds, 0 or more.");
        yield return Case(["rollback", "by", "-2"], "error: Cannot roll back by -2; give a number of migrations of 1 or more.");
        yield return Case(["rollback", "by", "0"], "error: Cannot roll back by 0; give a number of migrations of 1 or more.");
        yield return Case(["rollback", "to", "-1"], "error: rollback to -1 is negative; give a migration's version, or 0 for none.");
        yield return Case(["migrate", "up", "-t", "-5"], "error: -t -5 is negative; give a migration's version.");
        yield return Case(["migrate", "down", "--target", "-1"], "error: --target -1 is negative; give a migration's version, or 0 for none.");
        yield return Case(["baseline", "--version", "-3"], "error: --version -3 is negative; give a migration's version.");
        yield return Case(["resolve", "--applied", "-1"], "error: --applied -1 is negative; give a migration's version.");
        yield return Case(["migrate", "-m", "Session"], "error: -m/--transaction-mode Session (one transaction for the whole run) is not supported: dotnet fm commits each migration in a transaction of its own");
        yield return Case(["migrate", "--transaction-mode", "Nested"], "error: -m/--transaction-mode Nested is not a transaction mode; give -m Migration");
        yield return Case(["rollback", "--profile", "seed"], "error: --profile is applied after migrating up (migrate, deploy, reset); `rollback` applies none, so leave it out.");
        yield return Case(["migrate", "down", "-t", "0", "--profile", "seed"], "error: --profile is applied after migrating up (migrate, deploy, reset); `migrate down` applies none");
        yield return Case(["migrate", "--profile", "seed", "down", "-t", "0"], "error: --profile is applied after migrating up (migrate, deploy, reset); `migrate down` applies none");
        yield return Case(["rollback", "--profile", "seed", "to", "0"], "error: --profile is applied after migrating up (migrate, deploy, reset); `rollback to` applies none");
        yield return Case(["rollback", "all", "-n", "Billing"], "error: -n/--namespace is not supported");
        yield return Case(["list", "migrations", "--no-connection"], "error: --no-connection is not supported: use --preview");
        yield return Case(["validate", "versions", "--default-schema-name", "billing"], "error: --default-schema-name is not supported: give the schema in the connection");
        yield return Case(["migrate", "-n", "Billing"], "error: -n/--namespace is not supported");
        yield return Case(["migrate", "--nested"], "error: --nested (of -n/--namespace) is not supported");
        yield return Case(["migrate", "-s", "x=1"], "error: -s/--processor-switches is not supported");
        yield return Case(["migrate", "--no-connection"], "error: --no-connection is not supported: use --preview");
        yield return Case(["migrate", "--start-version", "3"], "error: --start-version (of --no-connection) is not supported: use --preview");
        yield return Case(["migrate", "--working-directory", "sql"], "error: --working-directory is not supported");
        yield return Case(["migrate", "--default-schema-name", "billing"], "error: --default-schema-name is not supported: give the schema in the connection");
        yield return Case(["migrate", "--strip"], "error: --strip is not supported");
        yield return Case(["migrate", "--include-untagged-migrations", "false"], "error: --include-untagged-migrations is not supported: untagged migrations always run");
        yield return Case(["migrate", "--include-untagged-maintenances"], "error: --include-untagged-maintenances is not supported");
        yield return Case(["migrate", "-a", "Some.Migrations.dll", "--tags", "eu"], "error: Unrecognized option '--tags' (after -a, which takes the paths of migration assemblies)");
    }

    [TestCaseSource(nameof(UsageErrors))]
    public void A_wrong_command_line_is_a_usage_error_naming_the_option(string[] arguments, string expected)
    {
        var run = Fm.Run(arguments);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), run.ToString());
        Assert.That(errors[0], Does.StartWith(expected));
        Assert.That(run.Error, Does.Not.Contain("Unrecognized command or argument").And.Not.Contain("does not exist"), "never read as an unknown argument or an assembly path");
    }

    [Test]
    public void Dash_t_is_a_tag_except_on_migrate_up_and_down_where_it_is_the_target_as_in_fluentmigrator()
    {
        var root = FmCommandLine.Build();

        var tagged = root.Parse(["migrate", "-t", "eu", "-t", "us,asia"]);
        var targeted = root.Parse(["migrate", "up", "-t", "20300102000000"]);
        var both = root.Parse(["migrate", "-t", "eu", "up", "-t", "20300102000000"]);
        var down = root.Parse(["migrate", "down", "-t", "0", "--tag", "eu"]);
        var rollback = root.Parse(["rollback", "-t", "eu"]);

        foreach (var parsed in new[] { tagged, targeted, both, down, rollback })
        {
            Assert.That(parsed.Errors, Is.Empty, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        }

        Assert.That(tagged.GetValue<string[]>("--tag"), Is.EqualTo(new[] { "eu", "us,asia" }));
        Assert.That(targeted.GetValue<long?>("--target"), Is.EqualTo(20300102000000));
        Assert.That(targeted.GetValue<string[]>("--tag"), Is.Empty);
        Assert.That(both.GetValue<string[]>("--tag"), Is.EqualTo(new[] { "eu" }));
        Assert.That(both.GetValue<long?>("--target"), Is.EqualTo(20300102000000));
        Assert.That(down.GetValue<long>("--target"), Is.Zero);
        Assert.That(down.GetValue<string[]>("--tag"), Is.EqualTo(new[] { "eu" }));
        Assert.That(rollback.GetValue<string[]>("--tag"), Is.EqualTo(new[] { "eu" }));
    }

    [Test]
    public void Fluentmigrators_other_options_parse_as_dotnet_fm_takes_them()
    {
        var parsed = FmCommandLine.Build().Parse(["migrate", "-b", "--profile", "seed", "-m", "Migration", "--allowDirtyAssemblies", "-p", "Postgres15_0"]);

        Assert.That(parsed.Errors, Is.Empty, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        Assert.That(parsed.GetValue<bool>("--allow-breaking-changes"), Is.True);
        Assert.That(parsed.GetValue<string?>("--profile"), Is.EqualTo("seed"));
    }

    [Test]
    public void List_processors_prints_postgresql_and_the_names_it_accepts()
    {
        var run = Fm.Run("list", "processors");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("PostgreSQL"));
        Assert.That(lines[1], Does.Contain("Postgres, PostgreSQL15_0, PostgreSQL11_0, PostgreSQL10_0, PostgreSQL92, Postgres92"));
    }

    private static TestCaseData Case(string[] arguments, string expected)
        => new TestCaseData(arguments, expected).SetArgDisplayNames(string.Join(' ', arguments));
}

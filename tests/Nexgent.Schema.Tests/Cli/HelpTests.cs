using System.Text.RegularExpressions;
using Nexgent.Schema.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// Each verb's --help lists exactly the options that verb reads: no --preview on lint, no connection on new.
/// FluentMigrator's options that dotnet fm refuses stay accepted (to be refused with a sentence) but unlisted.
/// </summary>
public sealed partial class HelpTests
{
    private static readonly string[] Database = ["--connection", "--processor"];
    private static readonly string[] Migrations = ["--assembly", "--project", "--no-build", "--tag"];
    private static readonly string[] Run = ["--timeout", "--lock-wait", "--lock-timeout", "--show-row-values", "--preview", "--output"];
    private static readonly string[] Up = ["--profile", "--allow-breaking-changes"];

    private static IEnumerable<TestCaseData> Verbs()
    {
        yield return Verb("migrate", [.. Database, .. Migrations, .. Run, .. Up, "--transaction-mode"]);
        yield return Verb("migrate up", [.. Database, .. Migrations, .. Run, .. Up, "--transaction-mode", "--target"]);
        yield return Verb("migrate down", [.. Database, .. Migrations, .. Run, "--transaction-mode", "--target"]);
        foreach (var rollback in new[] { "rollback", "rollback by", "rollback to", "rollback all" })
        {
            yield return Verb(rollback, [.. Database, .. Migrations, .. Run, "--transaction-mode"]);
        }

        yield return Verb("list migrations", [.. Database, .. Migrations, "--json"]);
        yield return Verb("list processors", [], verbose: false);
        yield return Verb("validate", [.. Database, .. Migrations, "--lock-timeout", "--json"]);
        yield return Verb("validate versions", [.. Database, .. Migrations]);
        yield return Verb("lint", [.. Database, .. Migrations, "--lock-timeout", "--from", "--to", "--version", "--json"]);
        yield return Verb("script", [.. Database, .. Migrations, "--lock-wait", "--lock-timeout", "--output", "--allow-breaking-changes", "--from", "--to", "--down", "--idempotent"]);
        yield return Verb("status", [.. Database, .. Migrations, "--json"]);
        yield return Verb("deploy", [.. Database, .. Migrations, .. Run, .. Up, "--accept-data-loss", "--backup", "--json", "--rehearse", "--rehearse-on"]);
        yield return Verb("reset", [.. Database, .. Migrations, .. Run, .. Up, "--force", "--i-know-this-is-production"]);
        yield return Verb("new", [.. Migrations, "--directory", "--from-db", "--rename"]);
        yield return Verb("resolve", [.. Database, .. Migrations, "--lock-wait", "--rolled-back", "--applied"]);
        yield return Verb("drift", [.. Database, .. Migrations, "--timeout", "--json"]);
        yield return Verb("baseline", [.. Database, .. Migrations, "--timeout", "--lock-wait", "--version", "--from-prisma", "--no-drift-check"]);
        yield return Verb("bundle", ["--assembly", "--project", "--no-build", "--output", "--runtime", "--force"]);
        yield return Verb("import-prisma", ["--connection", "--project", "--directory"]);
    }

    [TestCaseSource(nameof(Verbs))]
    public void A_verbs_help_lists_exactly_the_options_it_uses(string verb, string[] expected)
    {
        var run = Fm.Run([.. verb.Split(' '), "--help"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(ListedOptions(run.Output), Is.EquivalentTo(expected), run.Output);
    }

    [Test]
    public void The_help_without_a_verb_lists_the_verbs_and_no_verbs_options()
    {
        var run = Fm.Run("--help");

        Assert.That(ListedOptions(run.Output), Is.EquivalentTo(new[] { "--help", "--version" }), run.Output);
        Assert.That(run.Output, Does.Contain("  migrate ").And.Contain("  lint ").And.Contain("  new <name>"));
    }

    [Test]
    public void An_option_a_verb_does_not_use_is_refused_with_the_verb_whose_help_to_read()
    {
        var run = Fm.Run("lint", "--preview");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("Unrecognized command or argument '--preview'")
            .And.Contain("Run `dotnet fm --help` for the verbs, `dotnet fm lint --help` for its options."));
    }

    [Test]
    public void Options_go_before_a_sub_verb_as_in_fluentmigrator_or_after_it()
    {
        var root = FmCommandLine.Build();

        foreach (var arguments in new[] { new[] { "rollback", "-c", "Host=db", "-a", "M.dll", "to", "5" }, ["rollback", "to", "5", "-c", "Host=db", "-a", "M.dll"] })
        {
            var parsed = root.Parse(arguments);
            Assert.That(parsed.Errors, Is.Empty, string.Join("; ", parsed.Errors.Select(e => e.Message)));
            Assert.That(parsed.GetValue<string?>("--connection"), Is.EqualTo("Host=db"));
            Assert.That(parsed.GetValue<string[]>("--assembly"), Is.EqualTo(new[] { "M.dll" }));
        }
    }

    /// <summary>The long name of each option in the Options section of a help text.</summary>
    private static IEnumerable<string> ListedOptions(string help)
        => help.Split("Options:")[1].Split("\n\n")[0].Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => LongName().Match(line.Split("  ", StringSplitOptions.RemoveEmptyEntries)[0]).Value);

    private static TestCaseData Verb(string verb, string[] options, bool verbose = true)
        => new TestCaseData(verb, options.Concat(verbose ? ["--verbose", "--help"] : ["--help"]).ToArray()).SetArgDisplayNames(verb);

    [GeneratedRegex("--[a-z-]+")]
    private static partial Regex LongName();
}

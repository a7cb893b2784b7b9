using FluentMigrator;
using FluentMigrator.Infrastructure;
using Nexgent.Schema.Postgres;
using Nexgent.Schema.Runner.Lint;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Lint;

/// <summary>What an <c>[AcceptsLockHazard]</c> may say: a rule that exists, and why. Pure logic: no server.</summary>
public sealed class LintAcceptanceTests
{
    [Test]
    public void An_acceptance_naming_no_rule_or_giving_no_reason_is_a_problem()
    {
        var problems = MigrationLinter.AcceptanceProblems(
        [
            new MigrationInfo(20370101000000, TransactionBehavior.Default, new AcceptsATypo()),
            new MigrationInfo(20370102000000, TransactionBehavior.Default, new AcceptsWithoutReason()),
            new MigrationInfo(20370103000000, TransactionBehavior.Default, new AcceptsProperly()),
        ]);

        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0], Does.StartWith("Migration 20370101000000 : [AcceptsLockHazard(\"add-index-without-concurrency\", ...)] names no lint rule; the rules are add-index-without-concurrently, drop-index-without-concurrently,"));
        Assert.That(problems[1], Does.StartWith("Migration 20370102000000 : [AcceptsLockHazard(\"drop-column\", ...)] gives no reason"));
    }

    [Test]
    public void Every_rule_says_what_it_blocks_and_the_safe_way()
    {
        foreach (var rule in LintRules.All)
        {
            Assert.That(rule.Hazard, Is.Not.Empty, rule.Id);
            Assert.That(rule.SafeWay, Is.Not.Empty, rule.Id);
            Assert.That(LintRules.Find(rule.Id), Is.SameAs(rule));
        }

        Assert.That(LintRules.Find("no-such-rule"), Is.Null);
    }

    [AcceptsLockHazard("add-index-without-concurrency", "a typo")]
    private sealed class AcceptsATypo : Nothing;

    [AcceptsLockHazard("drop-column", " ")]
    private sealed class AcceptsWithoutReason : Nothing;

    [AcceptsLockHazard("drop-column", "release 41 stopped reading it")]
    [AcceptsLockHazard("add-index-without-concurrently", "the table is created empty in this release")]
    private sealed class AcceptsProperly : Nothing;

    private abstract class Nothing : Migration
    {
        public override void Up()
        {
        }

        public override void Down()
        {
        }
    }
}

using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>A script carries a FluentMigrator project's migrations as migrate applies them: a breaking change only when allowed.</summary>
public sealed class ScriptCompatibilityTests
{
    [Test]
    public void A_breaking_change_is_scripted_only_when_allowed_as_migrate_applies_it()
    {
        var breaking = FixtureAssembly.PathOf("BreakingChange");

        var refused = Fm.Run("script", "-a", breaking);
        var allowed = Fm.Run("script", "--allow-breaking-changes", "-a", breaking);

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Failure), refused.ToString());
        Assert.That(refused.Error, Does.Contain("Migration 2 DropUsersLegacyCode is marked as a breaking change; run again with --allow-breaking-changes (-b)"));
        Assert.That(allowed.ExitCode, Is.EqualTo(ExitCodes.Success), allowed.ToString());
        Assert.That(allowed.Output, Does.Contain("2 DropUsersLegacyCode"));
    }
}

using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// A team arriving from FluentMigrator's dotnet-fm, with a plain FluentMigrator assembly (versions 1 to 4, PascalCase
/// descriptions): its tags, maintenance migrations, profile and breaking change work as there, and validate does not
/// hold it to this runner's naming conventions.
/// </summary>
public sealed class FluentMigratorFeatureTests
{
    private static string Features => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.FluentMigratorFeatures.dll");

    [Test]
    public void Tagged_migrations_run_only_with_their_tag_untagged_ones_always()
    {
        using var database = TestDatabase.Create();

        var untagged = Fm.Run("migrate", "-a", Features, "-c", database.ConnectionString);
        Assert.That(untagged.ExitCode, Is.EqualTo(ExitCodes.Success), untagged.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { 1L }), "without --tag, tagged migrations do not run");

        var eu = Fm.Run("migrate", "-t", "eu", "-a", Features, "-c", database.ConnectionString);
        Assert.That(eu.ExitCode, Is.EqualTo(ExitCodes.Success), eu.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { 1L, 2L }));

        var us = Fm.Run("migrate", "up", "--tag", "us", "-t", "3", "-a", Features, "-c", database.ConnectionString);
        Assert.That(us.ExitCode, Is.EqualTo(ExitCodes.Success), us.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { 1L, 2L, 3L }));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name IN ('source', 'region')"), Is.EqualTo(2));
    }

    [Test]
    public void Maintenance_migrations_and_the_profile_run_around_the_migrations_as_fluentmigrators_migrate_up_runs_them()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "--tag", "eu", "--profile", "seed", "-a", Features, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { 1L, 2L }), "maintenance migrations are not versioned");
        Assert.That(Stages(database), Is.EqualTo(new[] { "BeforeAll", "BeforeEach", "AfterEach", "BeforeEach", "AfterEach", "BeforeProfiles", "Profile seed", "AfterAll" }));

        var nothingPending = Fm.Run("migrate", "--tag", "eu", "-a", Features, "-c", database.ConnectionString);
        Assert.That(nothingPending.ExitCode, Is.EqualTo(ExitCodes.Success), nothingPending.ToString());
        Assert.That(Stages(database).Skip(8), Is.EqualTo(new[] { "BeforeAll", "BeforeProfiles", "AfterAll" }), "they run every time, as in FluentMigrator; no profile without --profile");

        var rollback = Fm.Run("rollback", "--tag", "eu", "-a", Features, "-c", database.ConnectionString);
        Assert.That(rollback.ExitCode, Is.EqualTo(ExitCodes.Success), rollback.ToString());
        Assert.That(Stages(database), Has.Count.EqualTo(11), "none runs on the way down, as in FluentMigrator");
    }

    [Test]
    public void An_unknown_profile_is_refused_before_anything_is_applied()
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("migrate", "--profile", "demo", "-a", Features, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: No migration assembly has the profile 'demo' (they have seed); nothing was applied."));
        Assert.That(database.RecordedVersions(), Is.Empty);
    }

    [Test]
    public void A_breaking_change_is_refused_before_anything_is_applied_unless_allowed()
    {
        using var database = TestDatabase.Create();

        var refused = Fm.Run("migrate", "--tag", "breaking", "-a", Features, "-c", database.ConnectionString);

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Failure), refused.ToString());
        Assert.That(refused.Error.TrimEnd(), Is.EqualTo("error: Migration 4 DropEventsName is marked as a breaking change; run again with --allow-breaking-changes (-b) to apply it. Nothing was applied."));
        Assert.That(database.RecordedVersions(), Is.Empty, "not even the migration before it");

        var allowed = Fm.Run("migrate", "--tag", "breaking", "-b", "-a", Features, "-c", database.ConnectionString);

        Assert.That(allowed.ExitCode, Is.EqualTo(ExitCodes.Success), allowed.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(new[] { 1L, 4L }));
        Assert.That(database.Scalar<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'name'"), Is.Zero);
    }

    [Test]
    public void Validate_does_not_hold_a_plain_fluentmigrator_assembly_to_this_runners_naming_conventions()
    {
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "--tag", "eu", "-a", Features, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));

        var run = Fm.Run("validate", "--tag", "eu", "-a", Features, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output.TrimEnd(), Is.EqualTo("Valid: 2 applied migration(s) unchanged."));
    }

    private static List<string> Stages(TestDatabase database)
        => database.Rows("SELECT stage FROM maintenance_log ORDER BY seq").Select(r => (string)r[0]!).ToList();
}

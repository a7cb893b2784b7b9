using FluentMigrator.Runner;
using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Compatibility;

/// <summary>
/// Two databases of one feature: one that FluentMigrator's runner (<see cref="FluentMigratorOracle"/>) works on, one
/// that dotnet fm (the published tool, <see cref="Fm"/>) works on, each given the same command in turn and compared
/// (<see cref="DatabaseState"/>) after each.
/// </summary>
public sealed class SideBySide : IDisposable
{
    private SideBySide(Feature feature)
    {
        Feature = feature;
        ByFluentMigrator = TestDatabase.Create();
        ByDotnetFm = TestDatabase.Create();
    }

    /// <summary>The feature, whose options a test may change between two commands (other tags, say).</summary>
    public Feature Feature { get; set; }

    public TestDatabase ByFluentMigrator { get; }

    public TestDatabase ByDotnetFm { get; }

    /// <summary>Migrates one database with FluentMigrator's MigrateUp and the other with <c>dotnet fm migrate</c>.</summary>
    public static SideBySide MigrateUp(Feature feature)
    {
        return Prepared(feature, run =>
        {
            FluentMigratorOracle.MigrateUp(feature, run.ByFluentMigrator);
            run.DotnetFmSucceeds("migrate");
        });
    }

    /// <summary>Migrates both databases with FluentMigrator's MigrateUp: the second is then given to dotnet fm as it is.</summary>
    public static SideBySide MigratedByFluentMigratorOnly(Feature feature)
    {
        return Prepared(feature, run =>
        {
            FluentMigratorOracle.MigrateUp(feature, run.ByFluentMigrator);
            FluentMigratorOracle.MigrateUp(feature, run.ByDotnetFm);
        });
    }

    private static SideBySide Prepared(Feature feature, Action<SideBySide> prepare)
    {
        var run = new SideBySide(feature);
        try
        {
            prepare(run);
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    /// <summary>Runs dotnet fm on its database, with the feature's assembly and options.</summary>
    public FmRun DotnetFm(params string[] arguments)
        => Fm.Run([.. arguments, "-a", Feature.AssemblyPath, "-c", ByDotnetFm.ConnectionString, .. Feature.CliOptions(arguments[0])]);

    /// <summary>Runs dotnet fm on its database and fails the test, with what it printed, unless it succeeds.</summary>
    public FmRun DotnetFmSucceeds(params string[] arguments)
    {
        var run = DotnetFm(arguments);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), $"dotnet fm {string.Join(' ', arguments)} ({Feature}) failed:\n{run}");
        return run;
    }

    /// <summary>Gives FluentMigrator's runner the same command (on the way down, without the profile: see <see cref="FluentMigratorOracle.Run"/>).</summary>
    public void FluentMigrator(Action<IMigrationRunner> action, bool withProfile = true)
        => FluentMigratorOracle.Run(Feature, ByFluentMigrator, action, withProfile);

    public DatabaseState DotnetFmState() => DatabaseState.Of(ByDotnetFm, Feature);

    /// <summary>Fails unless both databases have the same schema, version rows and compared rows.</summary>
    public void AssertSameState(string moment)
        => DatabaseState.AssertSame(DatabaseState.Of(ByFluentMigrator, Feature), DotnetFmState(), moment);

    public void Dispose()
    {
        ByFluentMigrator.Dispose();
        ByDotnetFm.Dispose();
    }
}

using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Drift;

/// <summary>
/// Grants the database's default privileges give the objects its migrations create (ALTER DEFAULT PRIVILEGES, as
/// platforms and DBAs set them for the migrating role) are given in the shadow database too: no drift; a grant made by
/// hand still is.
/// </summary>
public sealed class DefaultPrivilegesDriftTests
{
    private static string Assembly => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.ProgrammableMigrations.dll");

    [TestCase("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC")]
    [TestCase("ALTER DEFAULT PRIVILEGES GRANT SELECT, UPDATE ON TABLES TO PUBLIC")]
    [TestCase("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC")]
    [TestCase("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO PUBLIC")]
    public void Grants_of_the_databases_default_privileges_are_no_drift_and_a_grant_by_hand_is(string defaults)
    {
        using var database = TestDatabase.Create();
        database.Execute(defaults);
        var migrate = Fm.Run("migrate", "-a", Assembly, "-c", database.ConnectionString);
        Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Success), migrate.ToString());

        var clean = Fm.Run("drift", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(clean.ExitCode, Is.EqualTo(ExitCodes.Success), clean.ToString());

        database.Execute("GRANT INSERT ON tags TO PUBLIC");
        var byHand = Fm.Run("drift", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(byHand.ExitCode, Is.EqualTo(ExitCodes.Drift), byHand.ToString());
        Assert.That(byHand.Output, Does.Contain("tags"));
    }

    /// <summary>
    /// Default privileges set after the migrations ran changed no object: the shadow database, which makes every object
    /// under today's defaults, gives them grants the database's objects never got, and drift names each (as migrating a
    /// new database today would give them).
    /// </summary>
    [Test]
    public void Default_privileges_set_after_the_objects_were_made_are_named_on_each_object_they_would_give_other_grants()
    {
        using var database = TestDatabase.Create();
        Assert.That(Fm.Run("migrate", "-a", Assembly, "-c", database.ConnectionString).ExitCode, Is.EqualTo(ExitCodes.Success));
        database.Execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC");

        var drift = Fm.Run("drift", "-a", Assembly, "-c", database.ConnectionString);

        Assert.That(drift.ExitCode, Is.EqualTo(ExitCodes.Drift), drift.ToString());
        Assert.That(drift.Output, Does.Contain("The privileges on table tags are the default in the database but the default with SELECT granted to PUBLIC in the migrations."));
    }
}

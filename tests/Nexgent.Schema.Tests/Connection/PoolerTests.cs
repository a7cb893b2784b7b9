using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Connection;

/// <summary>
/// Through a pooler that serves each transaction from any free server session, the migration lock would be shared with
/// other clients: a run refuses before anything happens. A session-mode pool gives each connection its own session.
/// </summary>
public sealed class PoolerTests
{
    [TestCase("transaction")]
    [TestCase("statement")]
    public void A_run_through_a_transaction_pooler_refuses_before_anything_is_run(string mode)
    {
        using var database = TestDatabase.Create();
        using var bouncer = PgBouncer.Start(mode);

        var run = Fm.Run("migrate", "-c", bouncer.ConnectionStringOf(database));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error.Trim(), Does.StartWith("error: ").And.Contain("is reached through a connection pooler in transaction or statement mode").And.EndWith("or through a session-mode pool."));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.ToString());
        Assert.That(database.Scalar<bool>("SELECT to_regclass('public.\"VersionInfo\"') IS NULL"), Is.True, "nothing was created");
    }

    [Test]
    public void A_run_through_a_session_pooler_migrates()
    {
        using var database = TestDatabase.Create();
        using var bouncer = PgBouncer.Start("session");

        var run = Fm.Run("migrate", "-c", bouncer.ConnectionStringOf(database));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
    }
}

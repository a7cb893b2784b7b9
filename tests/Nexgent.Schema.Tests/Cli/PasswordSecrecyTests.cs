using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Cli;

/// <summary>
/// A password holding every character a connection string treats specially never reaches the output of
/// <c>dotnet fm</c>, not a fragment of it, however the connection string is written or mistyped, with --verbose too.
/// </summary>
public sealed class PasswordSecrecyTests
{
    /// <summary>Pieces no message would hold by chance, between the characters that URLs and keyword strings treat specially.</summary>
    private static readonly string[] Fragments = ["Kq7x", "Wz3m", "Jh8v", "Tb5n", "Rc2p", "Yd9s", "Lf4g", "Mu6e"];

    private static readonly string Password = "Kq7x@Wz3m:Jh8v/Tb5n%Rc2p Yd9s#?;Lf4g\"'=é✓Mu6e";

    private static NpgsqlConnectionStringBuilder Server => new(TestServer.Current.AdminConnectionString);

    public static IEnumerable<TestCaseData> Mistakes()
    {
        yield return Case("a wrong password, percent-encoded in a URL", db => Url(db, Uri.EscapeDataString(Password)), "refused the login of user");
        yield return Case("a wrong password, quoted in Npgsql keywords", db => Keywords(db, $"Password={Quoted(Password)}"), "refused the login of user");
        yield return Case("a wrong password holding an @, unencoded in a URL", db => Url(db, "Kq7x@Wz3m"), "refused the login of user");
        yield return Case("a password holding # and @, unencoded in a URL", db => Url(db, Password), "The connection string is malformed (it holds a #");
        yield return Case("a password holding @ and /, unencoded in a URL", db => Url(db, "Kq7x@Wz3m/Jh8v"), "The connection string is malformed (it holds an @ after the host");
        yield return Case("a password holding a colon read as a port", db => $"postgresql://{Server.Username}:Kq7x@{Server.Host}:Wz3m/{db.Name}", "its port is not a number");
        yield return Case("a password with an unquoted semicolon", db => Keywords(db, "Password=Kq7x;Wz3m=Jh8v"), "what follows the password is not a keyword Npgsql knows");
        yield return Case("a password whose quote is not closed", db => Keywords(db, "Password=\"Kq7x;Wz3m"), "it is not a list of keyword=value pairs");
        yield return Case("an unreachable host, as a URL", db => $"postgresql://{Server.Username}:{Uri.EscapeDataString(Password)}@127.0.0.1:1/{db.Name}?connect_timeout=5", "Cannot reach PostgreSQL at 127.0.0.1:1");
        yield return Case("an unreachable host, as Npgsql keywords", db => $"Host=127.0.0.1;Port=1;Timeout=5;Username={Server.Username};Password={Quoted(Password)}", "Cannot reach PostgreSQL at 127.0.0.1:1");
    }

    [TestCaseSource(nameof(Mistakes))]
    public void A_failing_connection_never_prints_a_fragment_of_the_password(Func<TestDatabase, string> connection, string expected)
    {
        using var database = TestDatabase.Create();

        var run = Fm.Run("status", "-c", connection(database));
        var verbose = Fm.Run("status", "--verbose", "-c", connection(database));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain(expected));
        Assert.That(verbose.ExitCode, Is.EqualTo(ExitCodes.Failure), verbose.ToString());
        AssertNoFragment(run);
        AssertNoFragment(verbose);
    }

    [Test]
    public void A_password_equal_to_the_user_name_leaves_the_user_name_readable()
    {
        using var database = TestDatabase.Create();
        var user = Server.Username!;

        var run = Fm.Run("status", "-c", $"postgresql://{user}:{user}@{Server.Host}:{Server.Port}/{database.Name}");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure), run.ToString());
        Assert.That(run.Error, Does.Contain($"refused the login of user '{user}'"));
    }

    [Test]
    public void A_connection_string_typed_in_place_of_an_argument_is_not_quoted_back()
    {
        var run = Fm.Run("rollback", "by", $"postgresql://nexgent:{Password}@db/nexgent");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("(a connection string)"));
        AssertNoFragment(run);
    }

    [Test]
    public void Such_a_password_logs_in_as_a_url_and_as_keywords_and_stays_unprinted()
    {
        using var database = TestDatabase.Create();
        var role = "fm_secrecy_" + Guid.NewGuid().ToString("N")[..8];
        database.Execute($"CREATE ROLE {role} LOGIN PASSWORD '{Password.Replace("'", "''", StringComparison.Ordinal)}'; ALTER DATABASE \"{database.Name}\" OWNER TO {role}");
        try
        {
            var migrate = Fm.Run("migrate", "-c", $"postgresql://{role}:{Uri.EscapeDataString(Password)}@{Server.Host}:{Server.Port}/{database.Name}?schema=public");
            var status = Fm.Run("status", "-c", new NpgsqlConnectionStringBuilder { Host = Server.Host, Port = Server.Port, Username = role, Password = Password, Database = database.Name }.ConnectionString);

            Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Success), migrate.ToString());
            Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Success), status.ToString());
            Assert.That(database.RecordedVersions(), Is.EqualTo(Golden.Versions));
            AssertNoFragment(migrate);
            AssertNoFragment(status);
        }
        finally
        {
            database.CloseSessions();
            database.Execute($"ALTER DATABASE \"{database.Name}\" OWNER TO CURRENT_USER; REASSIGN OWNED BY {role} TO CURRENT_USER; DROP ROLE {role}");
        }
    }

    private static void AssertNoFragment(FmRun run)
    {
        foreach (var fragment in Fragments)
        {
            Assert.That(run.All, Does.Not.Contain(fragment), $"a fragment of the password in:\n{run}");
        }
    }

    private static string Url(TestDatabase database, string password)
        => $"postgresql://{Server.Username}:{password}@{Server.Host}:{Server.Port}/{database.Name}?connect_timeout=5";

    private static string Keywords(TestDatabase database, string password)
        => $"Host={Server.Host};Port={Server.Port};Username={Server.Username};{password};Database={database.Name};Timeout=5";

    /// <summary>The password as an Npgsql connection string quotes it.</summary>
    private static string Quoted(string password)
    {
        var written = new NpgsqlConnectionStringBuilder { Password = password }.ConnectionString;
        return written[(written.IndexOf('=', StringComparison.Ordinal) + 1)..];
    }

    private static TestCaseData Case(string name, Func<TestDatabase, string> connection, string expected)
        => new TestCaseData(connection, expected).SetArgDisplayNames(name);
}

using Npgsql;
using NUnit.Framework;

// Outside Nexgent.Schema.Tests: these need no server, and the run's SetUpFixture does not start one for them alone.
namespace Nexgent.Schema.Runner.Tests;

/// <summary>
/// How a password is hidden in what PostgreSQL, Npgsql or another program said (<see cref="DatabaseErrors.Masked"/>),
/// and that the runner's own words are never hidden, whatever the password. No server.
/// </summary>
public sealed class PasswordMaskTests
{
    public static IEnumerable<TestCaseData> Said()
    {
        yield return Case("the password standing alone", "secret", "nexgent", "the secret is out", "the ***** is out");
        yield return Case("the password inside a longer word", "secret", "nexgent", "secrets and secretary", "secrets and secretary");
        yield return Case("a password that begins a longer word (postgresql://)", "postgres", "nexgent",
            "could not reach postgresql://nexgent@db/nexgent", "could not reach postgresql://nexgent@db/nexgent");
        yield return Case("a password that is the user name", "postgres", "postgres",
            "password authentication failed for user \"postgres\"", "password authentication failed for user \"postgres\"");
        yield return Case("a password of symbols", "p@ss w/rd!", "nexgent", "got 'p@ss w/rd!' back", "got '*****' back");
        yield return Case("a password percent-encoded", "p@ss w/rd", "nexgent", "at p%40ss%20w%2Frd here", "at ***** here");
        yield return Case("a unicode password", "mötley✓", "nexgent", "mötley✓ was sent", "***** was sent");
        yield return Case("the password of a URL, known or not", "secret", "nexgent",
            "postgresql://nexgent:other@db/nexgent and postgresql://u:p@ss@h/db", "postgresql://nexgent:*****@db/nexgent and postgresql://u:*****@h/db");
        yield return Case("a Password keyword, known or not", "secret", "nexgent",
            "Host=db;Password=other;Database=nexgent", "Host=db;Password=*****;Database=nexgent");
        yield return Case("a quoted Password keyword holding a semicolon", "secret", "nexgent",
            "Host=db;Password=\"a;b\";Database=nexgent", "Host=db;Password=*****;Database=nexgent");
        yield return Case("Pwd and SSL Password keywords", "secret", "nexgent",
            "Pwd='it''s';SslPassword = x y", "Pwd=*****;SslPassword = *****");
        yield return Case("no password", null, "nexgent", "the secret is out", "the secret is out");
    }

    [TestCaseSource(nameof(Said))]
    public void What_others_said_loses_the_password_and_nothing_else(string? password, string user, string said, string expected)
    {
        var database = Connection(password, user);

        Assert.That(DatabaseErrors.Masked(said, database), Is.EqualTo(expected));
    }

    [TestCase("server")]
    [TestCase("connection")]
    [TestCase("running")]
    public void A_password_that_is_a_common_word_hides_nothing_of_the_runners_own_sentence(string password)
    {
        var database = Connection(password, "nexgent");

        var explained = DatabaseErrors.Explain(new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException()), database);

        Assert.That(explained.Message, Is.EqualTo("Cannot reach PostgreSQL at db:5432; check the host and port in the connection string and that the server is running."));
    }

    [Test]
    public void Only_what_others_said_is_masked_in_a_sentence_that_quotes_them()
    {
        var database = Connection("database", "nexgent");

        var explained = DatabaseErrors.Explain(new InvalidOperationException("the database said no"), database);

        Assert.That(explained.Message, Is.EqualTo("the ***** said no (database nexgent@db:5432/nexgent (schema public))."));
    }

    [Test]
    public void A_refused_login_names_a_user_whose_name_is_the_password()
    {
        var database = Connection("postgres", "postgres");

        var explained = DatabaseErrors.Explain(new PostgresException("password authentication failed for user \"postgres\"", "FATAL", "FATAL", "28P01"), database);

        Assert.That(explained.Message, Is.EqualTo("PostgreSQL at db:5432 refused the login of user 'postgres' (wrong password or no access); check the user and password in the connection string."));
    }

    [Test]
    public void What_postgresql_said_of_a_statement_loses_the_password()
    {
        var database = Connection("Kq7x-Wz3m", "nexgent");

        var explained = DatabaseErrors.Explain(new PostgresException("role \"Kq7x-Wz3m\" does not exist", "ERROR", "ERROR", "42704"), database);

        Assert.That(explained.ToString(), Does.Not.Contain("Kq7x"));
        Assert.That(explained.Message, Does.Contain("answered with an error: role \"*****\" does not exist."));
    }

    private static DatabaseConnection Connection(string? password, string user)
        => DatabaseConnection.Parse(new NpgsqlConnectionStringBuilder { Host = "db", Username = user, Password = password, Database = "nexgent" }.ConnectionString);

    private static TestCaseData Case(string name, string? password, string user, string said, string expected)
        => new TestCaseData(password, user, said, expected).SetArgDisplayNames(name);
}

using Npgsql;
using NUnit.Framework;

// Outside Nexgent.Schema.Tests: these need no server, and the run's SetUpFixture does not start one for them alone.
namespace Nexgent.Schema.Runner.Tests;

/// <summary>How a connection URL or Npgsql string is read, and how a bad one is refused without a word of its password. No server.</summary>
public sealed class ConnectionStringTests
{
    private const string Url = "postgresql://nexgent:secret@db.internal:5432/nexgent";

    public static IEnumerable<TestCaseData> Readable()
    {
        yield return Case("a Prisma URL", "postgresql://nexgent:secret@db.internal:5432/nexgent?schema=public",
            new("db.internal", 5432, "nexgent", "secret", "nexgent", "public", "\"public\""));
        yield return Case("postgres:// without a password", "postgres://nexgent@db/nexgent",
            new("db", 5432, "nexgent", null, "nexgent", "public", "\"public\""));
        yield return Case("a password with every character percent-encoded", "postgresql://u:p%40ss%3Aw%2Fo%3Fr%23d%25%20%C3%A9%E2%9C%93@h/db",
            new("h", 5432, "u", "p@ss:w/o?r#d% é✓", "db", "public", "\"public\""));
        yield return Case("a password with an unencoded @ (the last @ ends it)", "postgresql://u:p@ss@h/db",
            new("h", 5432, "u", "p@ss", "db", "public", "\"public\""));
        yield return Case("a password with an unencoded colon", "postgresql://u:pa:ss@h/db",
            new("h", 5432, "u", "pa:ss", "db", "public", "\"public\""));
        yield return Case("a password with spaces and unicode, unencoded", "postgresql://u:mot de passe ✓@h/db",
            new("h", 5432, "u", "mot de passe ✓", "db", "public", "\"public\""));
        yield return Case("a percent sign that escapes nothing", "postgresql://u:50%off@h/db",
            new("h", 5432, "u", "50%off", "db", "public", "\"public\""));
        yield return Case("an IPv6 host and a port", "postgresql://u:pw@[::1]:6543/db",
            new("::1", 6543, "u", "pw", "db", "public", "\"public\""));
        yield return Case("a schema in mixed case", "postgresql://u:pw@h/db?schema=MixedCase",
            new("h", 5432, "u", "pw", "db", "MixedCase", "\"MixedCase\""));
        yield return Case("a schema with a space", "postgresql://u:pw@h/db?schema=with%20space",
            new("h", 5432, "u", "pw", "db", "with space", "\"with space\""));
        yield return Case("a schema with a double quote", "postgresql://u:pw@h/db?schema=we%22ird",
            new("h", 5432, "u", "pw", "db", "we\"ird", "\"we\"\"ird\""));
        yield return Case("Prisma's pool settings, ignored", "postgresql://u:pw@h/db?connection_limit=5&pool_timeout=10&pgbouncer=true&statement_cache_size=0&socket_timeout=5&max_connection_lifetime=0&max_idle_connection_lifetime=300&schema=trading",
            new("h", 5432, "u", "pw", "db", "trading", "\"trading\""));
        yield return Case("Npgsql keywords", "Host=db;Username=nexgent;Password=secret;Database=nexgent",
            new("db", 5432, "nexgent", "secret", "nexgent", "public", "\"public\""));
        yield return Case("a quoted password holding ; and =", "Host=db;Password=\"a;b=c\";Database=d",
            new("db", 5432, null, "a;b=c", "d", "public", "\"public\""));
        yield return Case("a password in single quotes holding one", "Host=db;Password='it''s';Database=d",
            new("db", 5432, null, "it's", "d", "public", "\"public\""));
        yield return Case("an unquoted search path, folded to lower case as PostgreSQL does", "Host=db;Search Path=Trading, public",
            new("db", 5432, null, null, null, "trading", "Trading, public"));
        yield return Case("a quoted search path, taken as written", "Host=db;Search Path='\"$user\", \"Mixed \"\"Case\"\"\", public'",
            new("db", 5432, null, null, null, "Mixed \"Case\"", "\"$user\", \"Mixed \"\"Case\"\"\", public"));
    }

    [TestCaseSource(nameof(Readable))]
    public void A_connection_is_read_as_written(string value, Reading expected)
    {
        var connection = DatabaseConnection.Parse(value);

        var searchPath = new NpgsqlConnectionStringBuilder(connection.ConnectionString).SearchPath;
        Assert.That(new Reading(connection.Host, connection.Port, connection.Username, connection.Password, connection.Database, connection.Schema, searchPath!), Is.EqualTo(expected));
    }

    [Test]
    public void The_url_parameters_the_runner_honours_reach_the_connection()
    {
        var connection = DatabaseConnection.Parse(Url + "?sslmode=verify-full&connect_timeout=7&application_name=nexgent-ci");

        var builder = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
        Assert.That((builder.SslMode, builder.Timeout, builder.ApplicationName), Is.EqualTo((SslMode.VerifyFull, 7, "nexgent-ci")));
    }

    public static IEnumerable<TestCaseData> Refused()
    {
        yield return Refusal("a password with an unencoded /", "postgresql://u:Kq7x/Wz3m@h/db", "it holds an @ after the host; write @, /, ? and # in a user name or password as %40, %2F, %3F and %23", "Kq7x", "Wz3m");
        yield return Refusal("a password with an unencoded ?", "postgresql://u:Kq7x?Wz3m@h/db", "it holds an @ after the host", "Kq7x", "Wz3m");
        yield return Refusal("a password with an unencoded #", "postgresql://u:Kq7x#Wz3m@h/db", "it holds a #; write # in a user name, password or database name as %23", "Kq7x", "Wz3m");
        yield return Refusal("a password with an unencoded @ and /", "postgresql://u:Kq7x@Wz3m/Jh8v@h/db", "it holds an @ after the host", "Kq7x", "Wz3m", "Jh8v");
        yield return Refusal("a password read as a port", "postgresql://u:Kq7x@h:Wz3m/db", "its port is not a number from 1 to 65535", "Kq7x", "Wz3m");
        yield return Refusal("no host", "postgresql://u:Kq7x@/db", "it names no host", "Kq7x");
        yield return Refusal("an IPv6 host not closed", "postgresql://u:Kq7x@[::1/db", "its IPv6 host is not closed by ]", "Kq7x");
        yield return Refusal("an sslmode PostgreSQL lacks", Url + "?sslmode=sometimes", "sslmode 'sometimes' is not one of disable, allow, prefer, require, verify-ca, verify-full", "secret");
        yield return Refusal("a connect_timeout that is no number", Url + "?connect_timeout=soon", "connect_timeout 'soon' is not a number of seconds", "secret");
        yield return Refusal("an unknown URL parameter", Url + "?colour=blue",
            "The connection URL has the parameter 'colour', which the runner does not read; remove it or correct its name (the runner reads schema, sslmode, connect_timeout and application_name, and ignores Prisma's pool settings).", "secret");
        yield return Refusal("a Prisma TLS parameter the runner cannot honour", Url + "?sslaccept=strict", "the parameter 'sslaccept'", "secret");
        yield return Refusal("a password with an unquoted ; and =", "Host=h;Password=Kq7x;Wz3m=Jh8v", "what follows the password is not a keyword Npgsql knows; a password that holds a semicolon goes in double quotes, Password=\"...\"", "Kq7x", "Wz3m", "Jh8v");
        yield return Refusal("a password with an unquoted ;", "Host=h;Password=Kq7x;Wz3m;Database=d", "what follows the password is not a keyword Npgsql knows", "Kq7x", "Wz3m");
        yield return Refusal("a password quoted but not closed", "Host=h;Password=\"Kq7x;Database=d", "it is not a list of keyword=value pairs separated by semicolons", "Kq7x");
        yield return Refusal("an unknown keyword", "Host=h;Colour=blue;Password=Kq7x", "unknown keyword 'colour'", "Kq7x");
        yield return Refusal("an invalid value, named by its keyword only", "Host=h;Password=Kq7x;Port=Wz3m", "invalid value for 'port'", "Kq7x", "Wz3m");
        yield return Refusal("keywords naming no host", "Username=u;Password=Kq7x;Database=d", "it names no host", "Kq7x");
        yield return Refusal("a search path with an unclosed quote", "Host=h;Password=Kq7x;Search Path='\"trading'", "its Search Path is not a list of schema names separated by commas", "Kq7x");
        yield return Refusal("a schema of 64 bytes", Url + "?schema=" + new string('s', 64), $"The schema name '{new string('s', 64)}' cannot be used: it is 64 bytes long and PostgreSQL names hold at most 63; name another with ?schema= in the URL (Search Path= in Npgsql keywords).", "secret");
        yield return Refusal("a schema of 32 two-byte letters", Url + "?schema=" + string.Concat(Enumerable.Repeat("%C3%A9", 32)), "it is 64 bytes long", "secret");
        yield return Refusal("an empty schema", Url + "?schema=", "The schema name '' cannot be used: it is empty", "secret");
        yield return Refusal("a schema holding a NUL", Url + "?schema=a%00b", "The schema name 'a\\0b' cannot be used: it contains a NUL character, which no PostgreSQL name can hold", "secret");
        yield return Refusal("a schema in double quotes", Url + "?schema=%22trading%22", "it begins and ends with a double quote, which FluentMigrator takes for a name already quoted", "secret");
    }

    [TestCaseSource(nameof(Refused))]
    public void A_bad_connection_is_refused_in_one_sentence_without_its_password(string value, string expected, string[] passwordFragments)
    {
        var refusal = Assert.Throws<SchemaRunnerException>(() => DatabaseConnection.Parse(value))!;

        Assert.That(refusal.Message, Does.Contain(expected));
        Assert.That(refusal.Message, Does.Not.Contain("\n"));
        foreach (var fragment in passwordFragments)
        {
            Assert.That(refusal.ToString(), Does.Not.Contain(fragment));
        }
    }

    [Test]
    public void A_schema_of_63_bytes_is_taken()
    {
        var schema = string.Concat(Enumerable.Repeat("é", 31)) + "s";

        Assert.That(DatabaseConnection.Parse(Url + "?schema=" + Uri.EscapeDataString(schema)).Schema, Is.EqualTo(schema));
    }

    private static TestCaseData Case(string name, string value, Reading expected)
        => new TestCaseData(value, expected).SetArgDisplayNames(name);

    private static TestCaseData Refusal(string name, string value, string expected, params string[] passwordFragments)
        => new TestCaseData(value, expected, passwordFragments).SetArgDisplayNames(name);
}

/// <summary>What a connection string says, as the runner read it.</summary>
public sealed record Reading(string Host, int Port, string? User, string? Password, string? Database, string Schema, string SearchPath);

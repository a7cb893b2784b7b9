using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Drift;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Drift;

/// <summary>
/// A shadow database (drift's comparison, the generator's proof, the rehearsal's copy) is made with the encoding and
/// locale of the database it stands for, so that a copy of its rows restores there and text sorts as it does there.
/// </summary>
public sealed class ShadowDatabaseTests
{
    [Test]
    public void A_shadow_database_has_the_encoding_and_locale_of_its_source()
    {
        using var database = TestDatabase.Create();
        var latin1 = $"{database.Name}_latin1";
        TestServer.Current.Execute($"CREATE DATABASE \"{latin1}\" TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'");
        try
        {
            var source = DatabaseConnection.Parse(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = latin1 }.ConnectionString);

            using (var shadow = ShadowDatabase.Create(source))
            {
                Assert.That(
                    database.Scalar<string>($"SELECT pg_encoding_to_char(encoding) || ' ' || datcollate || ' ' || datctype FROM pg_database WHERE datname = '{shadow.Name}'"),
                    Is.EqualTo("LATIN1 C C"));
            }

            using (var shadow = ShadowDatabase.Create(DatabaseConnection.Parse(database.ConnectionString), like: source))
            {
                Assert.That(database.Scalar<string>($"SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = '{shadow.Name}'"), Is.EqualTo("LATIN1"));
            }
        }
        finally
        {
            TestServer.Current.Execute($"DROP DATABASE IF EXISTS \"{latin1}\" WITH (FORCE)");
        }
    }
}

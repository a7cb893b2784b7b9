using Nexgent.Schema.Runner;
using Npgsql;

namespace Nexgent.Schema.UnitTests.Safety;

/// <summary>Which sentence a PostgreSQL error becomes, without a server.</summary>
public sealed class DatabaseErrorsTests
{
    private static readonly DatabaseConnection Billing = DatabaseConnection.Parse("postgresql://app@db.internal:5432/ledger?schema=billing");

    private static readonly MigrationStep Step = new(20400101000000, "create_notes", FluentMigrator.MigrationDirection.Up, []);

    [Test]
    public void Only_the_connections_own_schema_is_said_to_be_missing_from_the_connection()
    {
        Assert.That(Explain("3F000", "schema \"billing\" does not exist").Sentence, Does.StartWith("The schema 'billing' does not exist in database 'ledger'"));
        Assert.That(Explain("3F000", "schema \"nosuch\" does not exist").Sentence,
            Is.EqualTo("Migration 20400101000000 create_notes (up) failed and was rolled back: schema \"nosuch\" does not exist. Correct the migration, then run again."));
    }

    [Test]
    public void A_missing_privilege_names_what_to_grant_or_whose_it_is()
    {
        Assert.That(Explain("42501", "permission denied for table ledger").Sentence,
            Does.EndWith("The user app lacks the REFERENCES privilege on table ledger: grant it (GRANT REFERENCES ON TABLE ledger TO \"app\";) or connect as the owner of table ledger."));
        Assert.That(Explain("42501", "must be owner of table ledger").Sentence,
            Does.EndWith("Only the owner of table ledger may do this: connect as its owner (or a member of the role that owns it)."));
    }

    private static SchemaRunnerException Explain(string sqlState, string message)
        => DatabaseErrors.Explain(new PostgresException(message, "ERROR", "ERROR", sqlState), Billing, Step);
}

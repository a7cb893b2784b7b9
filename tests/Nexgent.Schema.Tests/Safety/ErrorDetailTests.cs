using FluentMigrator.Runner;
using Microsoft.Extensions.Logging;
using Nexgent.Schema.Runner;
using Npgsql;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Safety;

/// <summary>How PostgreSQL's DETAIL, HINT and position become the labelled lines of an error message, without a server.</summary>
public sealed class ErrorDetailTests
{
    private const string Withheld = "detail: " + "withheld, as it quotes table rows; run again with --show-row-values (ShowRowValuesInErrors) to see it";

    [Test]
    public void A_detail_about_the_schema_is_always_shown()
    {
        var error = Error("42804", "foreign key constraint \"agent_notes_agent_id_fkey\" cannot be implemented", detail: "Key columns \"agent_id\" and \"id\" are of incompatible types: text and uuid.");

        Assert.That(PostgresErrorDetails.Lines(error, statement: null, showRowValues: false),
            Is.EqualTo(new[] { "detail: Key columns \"agent_id\" and \"id\" are of incompatible types: text and uuid." }));
    }

    [TestCase("23505", "Key (ref)=(A-1) already exists.")]
    [TestCase("23502", "Failing row contains (1, null, 10.00).")]
    [TestCase("23503", "Key (agent_id)=(7c1e0d52-3a8e-4b8f-9d3a-2f7a1c0e9b11) is not present in table \"agents\".")]
    [TestCase("23514", "Failing row contains (2, A-2, -5.00).")]
    public void The_row_values_of_a_constraint_violation_are_withheld_unless_asked_for(string sqlState, string detail)
    {
        var error = Error(sqlState, "a constraint is violated", detail);

        Assert.That(PostgresErrorDetails.Lines(error, statement: null, showRowValues: false), Is.EqualTo(new[] { Withheld }));
        Assert.That(PostgresErrorDetails.Lines(error, statement: null, showRowValues: true), Is.EqualTo(new[] { "detail: " + detail }));
    }

    [Test]
    public void A_hint_and_a_caret_under_the_position_in_the_statement_sent()
    {
        var error = Error("42883", "function round(text, integer) does not exist", hint: "You might need to add explicit type casts.", position: 60);
        var statement = new FailedStatement("ALTER TABLE quotes\n  ALTER COLUMN price TYPE numeric USING round(price, 8)", HoldsPosition: true);

        Assert.That(PostgresErrorDetails.Lines(error, statement, showRowValues: false), Is.EqualTo(new[]
        {
            "hint: You might need to add explicit type casts.",
            "statement: ALTER TABLE quotes ALTER COLUMN price TYPE numeric USING round(price, 8)",
            "position:                                                           ^ line 2, column 41",
        }));
    }

    [Test]
    public void A_position_in_sql_of_several_statements_is_given_as_a_number()
    {
        var error = Error("42703", "column \"amount\" does not exist", position: 8);
        var statement = new FailedStatement("SELECT 1;\nSELECT amount FROM quotes;", HoldsPosition: false);

        Assert.That(PostgresErrorDetails.Lines(error, statement, showRowValues: false), Is.EqualTo(new[]
        {
            "statement: SELECT 1; SELECT amount FROM quotes;",
            "position: character 8 of the statement that failed",
        }));
    }

    [Test]
    public void A_query_run_inside_the_statement_gets_its_own_caret()
    {
        var error = Error("42883", "function round(text, integer) does not exist", internalPosition: 8, internalQuery: "SELECT round(price, 8)");
        var statement = new FailedStatement("DO $$ BEGIN PERFORM round(price, 8); END $$", HoldsPosition: true);

        Assert.That(PostgresErrorDetails.Lines(error, statement, showRowValues: false), Is.EqualTo(new[]
        {
            "statement: DO $$ BEGIN PERFORM round(price, 8); END $$",
            "query:     SELECT round(price, 8)",
            "position:         ^ line 1, column 8",
        }));
    }

    [Test]
    public void A_long_statement_is_cut_around_the_position()
    {
        var columns = string.Join(", ", Enumerable.Range(1, 40).Select(i => $"column_{i:00}"));
        var sql = $"SELECT {columns}, mistake FROM quotes";
        var lines = StatementExcerpt.Lines("statement", sql, sql.IndexOf("mistake", StringComparison.Ordinal) + 1).ToList();

        Assert.That(lines[0], Does.StartWith("statement: ...").And.EndWith("mistake FROM quotes"));
        Assert.That(lines[0].Length, Is.LessThanOrEqualTo("statement: ".Length + 160));
        Assert.That(lines[1].IndexOf('^'), Is.EqualTo(lines[0].IndexOf("mistake", StringComparison.Ordinal)));
    }

    [Test]
    public void A_long_statement_without_a_position_keeps_its_start()
    {
        var sql = "SELECT " + new string('x', 300);

        Assert.That(StatementExcerpt.Lines("statement", sql, 0).Single(), Is.EqualTo("statement: " + sql[..157] + "..."));
    }

    [Test]
    public void A_position_past_the_end_points_after_the_last_character()
    {
        var lines = StatementExcerpt.Lines("statement", "SELECT 1 +", 11).ToList();

        Assert.That(lines, Is.EqualTo(new[] { "statement: SELECT 1 +", "position:            ^ line 1, column 11" }));
    }

    [Test]
    public void The_stack_trace_of_the_runners_exception_withholds_the_row_values_too()
    {
        var violation = Error("23505", "duplicate key value violates unique constraint \"ledger_ref_key\"", "Key (ref)=(A-1) already exists.");
        var wrapped = new Exception($"An error occurred executing the following sql:\nINSERT ...\nThe error was {violation.Message}", violation);

        var withheld = new SchemaRunnerException("Migration failed.", [Withheld], wrapped);
        var shown = new SchemaRunnerException("Migration failed.", ["detail: Key (ref)=(A-1) already exists."], wrapped) { ShowsRowValues = true };

        Assert.That(withheld.ToString(), Does.Not.Contain("A-1").And.Contain("DETAIL: withheld"));
        Assert.That(shown.ToString(), Does.Contain("DETAIL: Key (ref)=(A-1) already exists."));
    }

    [Test]
    public void FluentMigrators_own_log_of_the_failure_withholds_the_row_values()
    {
        var violation = Error("23505", "could not create unique index \"ledger_ref_key\"", "Key (ref)=(A-1) is duplicated.");
        var wrapped = new Exception($"An error occurred executing the following sql:\nCREATE UNIQUE INDEX ...\nThe error was {violation.Message}", violation);
        var log = new List<(string Message, Exception? Exception)>();
        ILogger<MigrationRunner> logger = new RowValueWithholdingLogger(new ListLogger(log));

        logger.LogError(wrapped, wrapped.Message);

        var (message, exception) = log.Single();
        Assert.That(message, Does.Contain("could not create unique index").And.Not.Contain("A-1"));
        Assert.That(exception!.ToString(), Does.Contain("ledger_ref_key").And.Not.Contain("A-1"));
        Assert.That(exception.Message, Does.Not.Contain("A-1"));
        Assert.That(exception.InnerException, Is.Null, "no inner exception to read the row values from");
    }

    private static PostgresException Error(string sqlState, string message, string? detail = null, string? hint = null, int position = 0, int internalPosition = 0, string? internalQuery = null)
        => new(message, "ERROR", "ERROR", sqlState, detail, hint, position, internalPosition, internalQuery);

    private sealed class ListLogger(List<(string Message, Exception? Exception)> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => log.Add((formatter(state, exception), exception));
    }
}

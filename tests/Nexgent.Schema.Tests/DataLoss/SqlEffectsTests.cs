using System.Data;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Model;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Conventions;
using FluentMigrator.Runner.Generators.Postgres;
using FluentMigrator.Runner.Processors.Postgres;
using Nexgent.Schema.Runner.Safety;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.DataLoss;

/// <summary>
/// What the data-loss analysis reads in a statement or an expression, before it asks the database whether the tables
/// hold rows. Pure logic: no server.
/// </summary>
public sealed class SqlEffectsTests
{
    private static readonly PostgresGenerator Generator = new(new PostgresQuoter(new PostgresOptions()));

    private static IEnumerable<TestCaseData> Statements()
    {
        // Destroying: dropped tables, columns and types, deleted and overwritten rows, changed types.
        yield return Case("DROP TABLE notes;", "drops public.notes");
        yield return Case("DROP TABLE IF EXISTS notes, audit.\"Log\" CASCADE", "drops public.notes", "drops audit.Log");
        yield return Case("ALTER TABLE notes DROP author;", "drops public.notes.author");
        yield return Case("ALTER TABLE ONLY \"notes\" DROP COLUMN IF EXISTS \"Author\", DROP type", "drops public.notes.Author", "drops public.notes.type");
        yield return Case("DROP TYPE order_status;", "drops the type public.order_status");
        yield return Case("drop type if exists a, b cascade", "drops the type public.a", "drops the type public.b");
        yield return Case("DELETE FROM notes WHERE body = '';", "deletes rows of public.notes");
        yield return Case("DELETE FROM notes", "deletes every row of public.notes");
        yield return Case("TRUNCATE TABLE ONLY notes, tags RESTART IDENTITY", "deletes every row of public.notes", "deletes every row of public.tags");
        yield return Case("UPDATE notes SET body = lower(body), \"Title\" = coalesce(a, b) WHERE id > 3", "updates public.notes (body, Title)");
        yield return Case("UPDATE ONLY notes AS n SET (a, b) = (1, 2) FROM tags t WHERE t.id = n.tag_id", "updates public.notes (a, b)");
        yield return Case("UPDATE notes SET tags[1] = 'x'", "updates public.notes (tags)");
        yield return Case("ALTER TABLE notes ALTER COLUMN body TYPE varchar(50)", "retypes public.notes.body to varchar(50)");
        yield return Case("ALTER TABLE notes ALTER body SET DATA TYPE numeric(20, 8) COLLATE \"C\"", "retypes public.notes.body to numeric(20, 8)");
        yield return Case("ALTER TABLE notes ALTER COLUMN body TYPE varchar(50) USING btrim(body), ALTER pinned TYPE boolean USING body LIKE '!%'",
            "retypes public.notes.body to varchar(50) using an expression", "retypes public.notes.pinned to boolean using an expression");
        yield return Case("DROP SCHEMA archive CASCADE", "drops the schema archive");
        yield return Case("WITH gone AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM gone", "inserts into public.b", "deletes every row of public.a");
        yield return Case("DO $$ BEGIN IF true THEN DELETE FROM notes; END IF; END $$;", "deletes every row of public.notes");

        // Building or filling: what tells the analysis that a table of the plan holds rows or none.
        yield return Case("CREATE TABLE notes (id bigint, body text)", "creates public.notes");
        yield return Case("CREATE TABLE archive.notes AS SELECT * FROM notes", "creates archive.notes with rows");
        yield return Case("INSERT INTO notes (body) VALUES ('a')", "inserts into public.notes");
        yield return Case("COPY notes FROM STDIN", "inserts into public.notes");
        yield return Case("ALTER TABLE notes ADD COLUMN IF NOT EXISTS pinned boolean, ADD \"Kind\" text", "adds public.notes.pinned", "adds public.notes.Kind");
        yield return Case("ALTER TABLE notes RENAME TO memos", "renames public.notes to public.memos");
        yield return Case("ALTER TABLE notes RENAME COLUMN body TO text", "renames public.notes.body to text");

        // Nothing to do with rows.
        yield return Case("CREATE TABLE IF NOT EXISTS notes (id bigint)");
        yield return Case("ALTER TABLE notes DROP CONSTRAINT notes_pkey, ALTER body DROP NOT NULL, ALTER body DROP DEFAULT");
        yield return Case("ALTER TABLE notes ADD CONSTRAINT notes_fk FOREIGN KEY (a) REFERENCES b (id) ON DELETE SET NULL ON UPDATE CASCADE");
        yield return Case("DROP INDEX notes_body_idx; DROP TRIGGER t ON notes; DROP FUNCTION f()");
        yield return Case("SELECT * FROM notes FOR UPDATE");
        yield return Case("CREATE TYPE order_status AS ENUM ('DELETE FROM notes', 'DROP TABLE x')");
        yield return Case("-- DELETE FROM notes;\nCOMMENT ON TABLE notes IS 'we used to DROP TABLE notes; not any more'");
        yield return Case("/* DROP TABLE notes; /* nested */ still a comment */ SELECT 1");
        yield return Case("SELECT E'it''s \\' DELETE FROM notes'");
        yield return Case("SELECT $body$ ; $body$ FROM notes");
    }

    [TestCaseSource(nameof(Statements))]
    public void A_statement_is_read_for_what_it_does_to_tables_and_rows(string sql, string[] expected)
    {
        Assert.That(SqlEffects.Of(sql, "public").Select(e => e.ToString()), Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> Expressions()
    {
        yield return Case(new DeleteTableExpression { TableName = "notes" }, "drops app.notes");
        yield return Case(Columns(new DeleteColumnExpression { TableName = "notes" }, "author", "pinned"), "drops app.notes.author", "drops app.notes.pinned");
        yield return Case(new AlterColumnExpression { TableName = "notes", Column = Column("body", DbType.String, size: 50) }, "retypes app.notes.body to varchar(50)");
        yield return Case(new AlterColumnExpression { TableName = "quotes", Column = Column("price", DbType.Decimal, size: 20, precision: 8) }, "retypes app.quotes.price to decimal(20,8)");
        yield return Case(new DeleteDataExpression { TableName = "notes", IsAllRows = true }, "deletes rows of app.notes");
        yield return Case(new UpdateDataExpression { TableName = "notes", Set = [new("body", "x")], IsAllRows = true }, "updates app.notes (body)");
        yield return Case(new CreateTableExpression { TableName = "notes", Columns = { Column("id", DbType.Int64) } }, "creates app.notes");
        yield return Case(new CreateColumnExpression { TableName = "notes", Column = Column("pinned", DbType.Boolean) }, "adds app.notes.pinned");
        yield return Case(new RenameTableExpression { OldName = "notes", NewName = "memos" }, "renames app.notes to app.memos");
        yield return Case(new CreateIndexExpression { Index = new IndexDefinition { Name = "i", TableName = "notes", Columns = { new IndexColumnDefinition { Name = "body" } } } });
    }

    /// <summary>FluentMigrator's expressions are read in the SQL PostgreSQL's generator makes of them, in the runner's schema.</summary>
    [TestCaseSource(nameof(Expressions))]
    public void An_expression_is_read_in_the_sql_it_generates(IMigrationExpression expression, string[] expected)
    {
        var sql = MigrationSql.Generate(expression.Apply(new DefaultConventionSet("app", workingDirectory: null)), Generator);

        Assert.That(sql is null ? [] : SqlEffects.Of(sql, "app").Select(e => e.ToString()), Is.EqualTo(expected));
    }

    private static IEnumerable<TestCaseData> TypeChanges()
    {
        yield return Change("character varying(50)", "varchar(200)", keeps: true);
        yield return Change("character varying(200)", "varchar(50)", keeps: false);
        yield return Change("character varying(200)", "text", keeps: true);
        yield return Change("text", "varchar(200)", keeps: false);
        yield return Change("numeric(20,8)", "numeric(30,18)", keeps: true);
        yield return Change("numeric(30,18)", "numeric(20,8)", keeps: false);
        yield return Change("numeric(20,8)", "decimal(20,4)", keeps: false);
        yield return Change("numeric(20,8)", "numeric(21,9)", keeps: true);
        yield return Change("numeric(20,8)", "numeric", keeps: true);
        yield return Change("numeric", "numeric(38,18)", keeps: false);
        yield return Change("integer", "bigint", keeps: true);
        yield return Change("bigint", "integer", keeps: false);
        yield return Change("integer", "numeric(12,2)", keeps: true);
        yield return Change("integer", "numeric(9,0)", keeps: false);
        yield return Change("numeric(20,8)", "integer", keeps: false);
        yield return Change("timestamp(3) with time zone", "timestamptz(6)", keeps: true);
        yield return Change("timestamp with time zone", "timestamptz(3)", keeps: false);
        yield return Change("timestamp without time zone", "timestamptz", keeps: false);
        yield return Change("text[]", "text[]", keeps: true);
        yield return Change("text[]", "text", keeps: false);
        yield return Change("\"TransactionType\"", "\"TransactionType\"", keeps: true);
        yield return Change("\"TransactionType\"", "text", keeps: false);
        yield return Change("jsonb", "json", keeps: false);
        yield return Change("real", "double precision", keeps: true);
    }

    [TestCaseSource(nameof(TypeChanges))]
    public void A_type_change_keeps_every_value_only_when_the_new_type_holds_all_the_old_one_can(string current, string next, bool keeps)
    {
        Assert.That(ColumnType.KeepsEveryValue(current, next), Is.EqualTo(keeps));
    }

    private static TestCaseData Case(string sql, params string[] expected) => new TestCaseData(sql, expected).SetArgDisplayNames(sql.Length <= 60 ? sql : sql[..57] + "...");

    private static TestCaseData Case(IMigrationExpression expression, params string[] expected)
        => new TestCaseData(expression, expected).SetArgDisplayNames(expression.GetType().Name + (expected.Length > 0 ? $" ({expected[0]})" : ""));

    private static TestCaseData Change(string current, string next, bool keeps) => new TestCaseData(current, next, keeps).SetArgDisplayNames($"{current} to {next}");

    private static ColumnDefinition Column(string name, DbType type, int? size = null, int? precision = null)
        => new() { Name = name, Type = type, Size = size, Precision = precision };

    private static DeleteColumnExpression Columns(DeleteColumnExpression expression, params string[] names)
    {
        foreach (var name in names)
        {
            expression.ColumnNames.Add(name);
        }

        return expression;
    }
}

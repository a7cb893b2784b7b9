using System.Text.RegularExpressions;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>
/// A migration's SQL as the server runs it, statement by statement (a DO block or a function's body is one statement),
/// each a change to the schema or a statement that changes rows.
/// </summary>
internal static partial class SqlScript
{
    /// <summary>The statements, without the BEGIN and COMMIT around them (Prisma's own transaction; a migration runs in the runner's).</summary>
    public static IReadOnlyList<SqlStatement> Statements(string sql)
        => SqlStatement.Split(sql, bodiesWhole: true).Where(s => !TransactionControl().IsMatch(s.Code)).ToList();

    /// <summary>
    /// Whether a statement changes rows rather than (only) the schema: INSERT, UPDATE, DELETE, TRUNCATE, MERGE, COPY, a DO
    /// block, a call, a query, and an <c>ALTER TABLE</c> that computes values again (<c>TYPE ... USING</c>).
    /// </summary>
    public static bool ChangesRows(SqlStatement statement)
        => DataVerb().IsMatch(statement.Code) || (AlterTable().IsMatch(statement.Code) && Using().IsMatch(statement.Code));

    /// <summary>The statement as written, its comments before it left out, ending with its semicolon.</summary>
    public static string Text(SqlStatement statement)
    {
        var start = statement.Code.Length - statement.Code.TrimStart().Length;
        return statement.Text[start..].TrimEnd() + ";";
    }

    [GeneratedRegex(@"^\s*(?:BEGIN|COMMIT|START\s+TRANSACTION|END)\s*(?:TRANSACTION|WORK)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TransactionControl();

    [GeneratedRegex(@"^\s*(?:INSERT|UPDATE|DELETE|TRUNCATE|MERGE|COPY|DO|CALL|SELECT|WITH|VALUES)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DataVerb();

    [GeneratedRegex(@"^\s*ALTER\s+TABLE\b", RegexOptions.IgnoreCase)]
    private static partial Regex AlterTable();

    [GeneratedRegex(@"\bTYPE\b.*?\bUSING\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Using();
}

using System.Text.RegularExpressions;
using static Nexgent.Schema.Runner.Safety.SqlNames;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// Reads what SQL does to tables and rows: created, filled, renamed, dropped, deleted, updated, retyped. Patterns match
/// the code of each statement only (<see cref="SqlStatement.Code"/>), so a literal or a comment that mentions
/// <c>DELETE</c> is not taken for one. Names without a schema are in the runner's schema, its search path.
/// </summary>
internal static partial class SqlEffects
{
    public static IReadOnlyList<SqlEffect> Of(string sql, string defaultSchema)
        => SqlStatement.Split(sql).SelectMany(s => Of(s, defaultSchema)).ToList();

    private static IEnumerable<SqlEffect> Of(SqlStatement statement, string schema)
    {
        var code = statement.Code;
        QualifiedName Name(Group group) => Resolve(group.Value, schema);

        // Its actions only: "DROP type" there drops a column named type.
        if (AlterTable().Match(code) is { Success: true } alter)
        {
            var table = Name(alter.Groups["table"]);
            foreach (var action in TopLevel.Split(alter.Groups["actions"].Value, ','))
            {
                if (Action(table, action) is { } effect)
                {
                    yield return effect;
                }
            }

            yield break;
        }

        if (CreateTable().Match(code) is { Success: true } create)
        {
            var withRows = CreateTableAs().IsMatch(code);
            if (!create.Groups["ifNotExists"].Success || withRows)
            {
                yield return new TableCreated(Name(create.Groups["table"]), withRows);
            }
        }

        if (InsertInto().Match(code) is { Success: true } insert)
        {
            yield return new RowsInserted(Name(insert.Groups["table"]), Copied: SelectKeyword().IsMatch(code, insert.Index + insert.Length));
        }

        if (CopyFrom().Match(code) is { Success: true } copy)
        {
            yield return new RowsInserted(Name(copy.Groups["table"]), Copied: true);
        }

        if (DropObjects().Match(code) is { Success: true } drop)
        {
            var names = TopLevel.Split(drop.Groups["names"].Value, ',').Select(n => Resolve(n, schema));
            foreach (var effect in Dropped(drop.Groups["kind"].Value.ToUpperInvariant(), names))
            {
                yield return effect;
            }
        }

        if (Truncate().Match(code) is { Success: true } truncate)
        {
            foreach (var table in TopLevel.Split(truncate.Groups["names"].Value, ','))
            {
                yield return new RowsDeleted(Resolve(OnlyOrStar().Replace(table, ""), schema), Every: true, statement);
            }
        }

        if (DeleteFrom().Match(code) is { Success: true } delete)
        {
            yield return new RowsDeleted(Name(delete.Groups["table"]), Every: !Where().IsMatch(code[delete.Index..]), statement);
        }

        if (Update().Match(code) is { Success: true } update)
        {
            yield return new RowsUpdated(Name(update.Groups["table"]), SetColumns(update.Groups["set"].Value), statement);
        }

    }

    private static IEnumerable<SqlEffect> Dropped(string kind, IEnumerable<QualifiedName> names) => kind switch
    {
        "TABLE" => names.Select(n => new TableDropped(n)),
        "TYPE" => names.Select(n => new TypeDropped(n)),
        _ => names.Select(n => new SchemaDropped(n.Name)),
    };

    /// <summary>One action of an <c>ALTER TABLE</c>: add, drop, retype or rename a column, or rename the table.</summary>
    private static SqlEffect? Action(QualifiedName table, string action)
    {
        if (AddColumn().Match(action) is { Success: true } add)
        {
            return new ColumnAdded(table, Unquote(add.Groups["column"].Value));
        }

        if (DropColumn().Match(action) is { Success: true } drop)
        {
            return new ColumnDropped(table, Unquote(drop.Groups["column"].Value));
        }

        if (ColumnType().Match(action) is { Success: true } retype)
        {
            return new ColumnRetyped(table, Unquote(retype.Groups["column"].Value), retype.Groups["type"].Value.Trim(), retype.Groups["using"].Success);
        }

        if (RenameColumn().Match(action) is { Success: true } renameColumn)
        {
            return new ColumnRenamed(table, Unquote(renameColumn.Groups["column"].Value), Unquote(renameColumn.Groups["to"].Value));
        }

        return RenameTable().Match(action) is { Success: true } rename
            ? new TableRenamed(table, new QualifiedName(table.Schema, Unquote(rename.Groups["to"].Value)))
            : null;
    }

    /// <summary>The columns an <c>UPDATE</c> sets, or null when one of its assignments is not <c>column = ...</c> or <c>(a, b) = ...</c>.</summary>
    private static List<string>? SetColumns(string set)
    {
        var assignments = TopLevel.Split(TopLevel.Before(set, "FROM", "WHERE", "RETURNING"), ',');
        var columns = new List<string>();
        foreach (var assignment in assignments)
        {
            if (Assignment().Match(assignment) is not { Success: true } match)
            {
                return null;
            }

            columns.AddRange(match.Groups["column"].Captures.Select(c => Unquote(c.Value)));
        }

        return columns;
    }

    [GeneratedRegex($@"\bCREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMPORARY|TEMP|UNLOGGED)\s+)?TABLE\s+(?<ifNotExists>IF\s+NOT\s+EXISTS\s+)?(?<table>{Qualified})", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"\bAS\s+(?:SELECT|WITH|VALUES|TABLE|EXECUTE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTableAs();

    [GeneratedRegex($@"\bINSERT\s+INTO\s+(?<table>{Qualified})", RegexOptions.IgnoreCase)]
    private static partial Regex InsertInto();

    [GeneratedRegex(@"\bSELECT\b", RegexOptions.IgnoreCase)]
    private static partial Regex SelectKeyword();

    [GeneratedRegex($@"^\s*COPY\s+(?<table>{Qualified})[^;]*\bFROM\b", RegexOptions.IgnoreCase)]
    private static partial Regex CopyFrom();

    [GeneratedRegex(@"\bDROP\s+(?<kind>TABLE|TYPE|SCHEMA)\s+(?:IF\s+EXISTS\s+)?(?<names>.+?)(?:\s+(?:CASCADE|RESTRICT))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DropObjects();

    [GeneratedRegex(@"\bTRUNCATE\s+(?:TABLE\s+)?(?<names>.+?)(?:\s+(?:RESTART|CONTINUE)\s+IDENTITY)?(?:\s+(?:CASCADE|RESTRICT))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Truncate();

    [GeneratedRegex(@"^\s*ONLY\s+|\s*\*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyOrStar();

    [GeneratedRegex($@"\bDELETE\s+FROM\s+(?:ONLY\s+)?(?<table>{Qualified})", RegexOptions.IgnoreCase)]
    private static partial Regex DeleteFrom();

    [GeneratedRegex(@"\bWHERE\b", RegexOptions.IgnoreCase)]
    private static partial Regex Where();

    [GeneratedRegex($@"\bUPDATE\s+(?:ONLY\s+)?(?<table>{Qualified})\s*\*?(?:\s+(?:AS\s+)?(?!SET\b){IdentifierPattern})?\s+SET\b(?<set>.*)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Update();

    [GeneratedRegex($@"^\s*(?:(?<column>{IdentifierPattern})(?:\.{IdentifierPattern})?\s*(?:\[[^\]]*\])?|\(\s*(?<column>{IdentifierPattern})(?:\s*,\s*(?<column>{IdentifierPattern}))*\s*\))\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex($@"\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?<table>{Qualified})\s*\*?\s+(?<actions>.*)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AlterTable();

    [GeneratedRegex($@"^\s*ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?!(?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)\b)(?<column>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex AddColumn();

    [GeneratedRegex($@"^\s*DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(?!CONSTRAINT\b)(?<column>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex DropColumn();

    [GeneratedRegex($@"^\s*ALTER\s+(?:COLUMN\s+)?(?<column>{IdentifierPattern})\s+(?:SET\s+DATA\s+)?TYPE\s+(?<type>.+?)(?:\s+COLLATE\s+\S+)?(?:\s+(?<using>USING)\b.*)?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ColumnType();

    [GeneratedRegex($@"^\s*RENAME\s+(?:COLUMN\s+)?(?!(?:CONSTRAINT|TO)\b)(?<column>{IdentifierPattern})\s+TO\s+(?<to>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex RenameColumn();

    [GeneratedRegex($@"^\s*RENAME\s+TO\s+(?<to>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex RenameTable();
}

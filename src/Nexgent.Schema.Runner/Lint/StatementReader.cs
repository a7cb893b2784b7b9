using System.Globalization;
using System.Text.RegularExpressions;
using Nexgent.Schema.Runner.Safety;
using static Nexgent.Schema.Runner.Safety.SqlNames;

namespace Nexgent.Schema.Runner.Lint;

/// <summary>
/// Reads what one statement does (<see cref="StatementAct"/>), as far as locks go: indexes, tables, columns and
/// constraints created, changed and dropped, rows changed, lock_timeout set. Patterns match the statement's code only
/// (<see cref="SqlStatement.Code"/>: comments and the insides of literals blanked); values that live in literals
/// (<c>SET lock_timeout = '2s'</c>) are read from the text at the same place. Names without a schema are in
/// <c>schema</c>, the runner's search path.
/// </summary>
internal static partial class StatementReader
{
    /// <summary>What <paramref name="statement"/> does; <paramref name="indexTable"/> is the table of an index FluentMigrator drops.</summary>
    public static IReadOnlyList<StatementAct> Read(SqlStatement statement, string schema, QualifiedName? indexTable = null)
    {
        var code = statement.Code;
        QualifiedName Name(Group group) => Resolve(group.Value, schema);

        if (CreateIndex().Match(code) is { Success: true } index)
        {
            var table = Name(index.Groups["table"]);
            QualifiedName? name = index.Groups["name"].Success ? new QualifiedName(table.Schema, Unquote(LastPart(index.Groups["name"].Value))) : null;
            return [new IndexCreated(table, name, index.Groups["concurrently"].Success, index.Groups["unique"].Success)];
        }

        if (DropIndex().Match(code) is { Success: true } dropIndex)
        {
            var names = TopLevel.Split(dropIndex.Groups["names"].Value, ',').Select(n => Resolve(n, indexTable is { Schema.Length: > 0 } t ? t.Schema : schema)).ToList();
            var table = indexTable is { } hint ? hint with { Schema = hint.Schema.Length > 0 ? hint.Schema : schema } : (QualifiedName?)null;
            return [new IndexesDropped(names, dropIndex.Groups["concurrently"].Success, table)];
        }

        if (CreateTable().Match(code) is { Success: true } create)
        {
            return [ReadCreateTable(Name(create.Groups["table"]), create.Groups["rest"].Value, schema)];
        }

        if (AlterTable().Match(code) is { Success: true } alter)
        {
            var table = Name(alter.Groups["table"]);
            return TopLevel.Split(alter.Groups["actions"].Value, ',').Select(a => ReadAction(table, a, schema)).ToList();
        }

        if (DropTable().Match(code) is { Success: true } drop)
        {
            return [new TablesDropped(TopLevel.Split(drop.Groups["names"].Value, ',').Select(n => Resolve(n, schema)).ToList())];
        }

        if (Truncate().Match(code) is { Success: true } truncate)
        {
            return [new TablesTruncated(TopLevel.Split(truncate.Groups["names"].Value, ',').Select(n => Resolve(OnlyOrStar().Replace(n, ""), schema)).ToList())];
        }

        if (LockTable().Match(code) is { Success: true } lockTable)
        {
            var mode = lockTable.Groups["mode"].Success ? ParseMode(lockTable.Groups["mode"].Value) : LockMode.AccessExclusive;
            return [new TablesLocked(TopLevel.Split(lockTable.Groups["names"].Value, ',').Select(n => Resolve(OnlyOrStar().Replace(n, ""), schema)).ToList(), mode)];
        }

        if (SetLockTimeout().Match(code) is { Success: true } set)
        {
            var value = statement.Text.Substring(set.Groups["value"].Index, set.Groups["value"].Length);
            return [new LockTimeoutSet(ParseTimeout(value), set.Groups["scope"].Value.Equals("LOCAL", StringComparison.OrdinalIgnoreCase))];
        }

        if (ResetLockTimeout().IsMatch(code))
        {
            return [new LockTimeoutSet(null, Local: false)];
        }

        if (SetConfigLockTimeout().Match(statement.Text) is { Success: true } setConfig && code.Contains("set_config", StringComparison.OrdinalIgnoreCase))
        {
            return [new LockTimeoutSet(ParseTimeout(setConfig.Groups["value"].Value), setConfig.Groups["local"].Value.Equals("true", StringComparison.OrdinalIgnoreCase))];
        }

        if (Update().Match(code) is { Success: true } update)
        {
            var rest = update.Groups["rest"].Value;
            return [new RowsChanged(Name(update.Groups["table"]), DataChangeKind.Update, IsBounded(rest), ReadTables(TopLevel.Before(rest, "WHERE", "RETURNING"), schema))];
        }

        if (DeleteFrom().Match(code) is { Success: true } delete)
        {
            var rest = delete.Groups["rest"].Value;
            return [new RowsChanged(Name(delete.Groups["table"]), DataChangeKind.Delete, IsBounded(rest), UsingTables(rest, schema))];
        }

        if (InsertSelect().Match(code) is { Success: true } insert)
        {
            var select = insert.Groups["select"].Value;
            return [new RowsChanged(Name(insert.Groups["table"]), DataChangeKind.InsertSelect, IsBounded(select), ReadTables(select, schema))];
        }

        if (InsertInto().Match(code) is { Success: true } insertValues)
        {
            return [new RowsChanged(Name(insertValues.Groups["table"]), DataChangeKind.Insert, Bounded: true, [])];
        }

        if (Vacuum().Match(code) is { Success: true } vacuum)
        {
            return [new TablesVacuumed(Tables(vacuum.Groups["tables"].Value), Full: Enabled(vacuum.Groups["options"].Value, "FULL"))];
        }

        if (Analyze().Match(code) is { Success: true } analyze)
        {
            return [new TablesVacuumed(Tables(analyze.Groups["tables"].Value), Full: false)];
        }

        if (Cluster().Match(code) is { Success: true } cluster)
        {
            return [new TableClustered(cluster.Groups["table"].Success ? Name(cluster.Groups["table"]) : null)];
        }

        if (Reindex().Match(code) is { Success: true } reindex)
        {
            var concurrently = reindex.Groups["concurrently"].Success || Enabled(reindex.Groups["options"].Value, "CONCURRENTLY");
            var target = Name(reindex.Groups["name"]);
            return reindex.Groups["kind"].Value.Equals("TABLE", StringComparison.OrdinalIgnoreCase)
                ? [new Reindexed(target, null, concurrently)]
                : [new Reindexed(null, target, concurrently)];
        }

        return Harmless().IsMatch(code) ? [] : [new NotAnalysed()];

        IReadOnlyList<QualifiedName> Tables(string list)
            => [.. TopLevel.Split(list, ',').Select(t => LeadingName().Match(OnlyOrStar().Replace(t, ""))).Where(m => m.Success).Select(m => Resolve(m.Value, schema))];
    }

    /// <summary>
    /// The statements of <paramref name="sql"/> as lint reads them: each as the server runs it, except a <c>DO</c>
    /// block, whose body's statements are read one by one (its declarations and PL/pgSQL control words blanked). The
    /// body of a function or procedure stays in its <c>CREATE</c>: it runs when called, not when the migration creates it.
    /// </summary>
    public static IEnumerable<SqlStatement> Statements(string sql)
    {
        foreach (var statement in SqlStatement.Split(sql, bodiesWhole: true))
        {
            if (DoBlock().Match(statement.Code) is not { Success: true } doBlock
                || DollarBody().Match(statement.Text, doBlock.Length) is not { Success: true } body)
            {
                yield return statement;
                continue;
            }

            var inners = SqlStatement.Split(body.Groups["body"].Value);
            var declaring = inners.Count > 0 && Declare().IsMatch(inners[0].Code);
            foreach (var inner in inners)
            {
                var code = inner.Code;
                if (declaring)
                {
                    // Declarations up to the block's BEGIN run nothing.
                    if (BeginKeyword().Match(code) is not { Success: true } begin)
                    {
                        continue;
                    }

                    declaring = false;
                    code = new string(' ', begin.Index + begin.Length) + code[(begin.Index + begin.Length)..];
                }

                var control = ControlWords().Match(code);
                var read = inner with { Code = new string(' ', control.Length) + code[control.Length..] };
                if (!string.IsNullOrWhiteSpace(read.Code))
                {
                    yield return read;
                }
            }
        }
    }

    /// <summary>The columns, foreign keys, rows and tables read of a <c>CREATE TABLE</c>.</summary>
    private static TableCreated ReadCreateTable(QualifiedName table, string rest, string schema)
    {
        var trimmed = rest.TrimStart();
        if (!trimmed.StartsWith('('))
        {
            return new TableCreated(table, [], WithRows: CreateTableAs().IsMatch(rest), [], ReadTables(rest, schema));
        }

        var items = TopLevel.Split(Inside(trimmed), ',');
        var columns = new List<ColumnDefinition>();
        var foreignKeys = new List<ForeignKey>();
        var reads = new List<QualifiedName>();
        foreach (var item in items)
        {
            if (TableConstraint().IsMatch(item))
            {
                if (References().Match(item) is { Success: true } reference)
                {
                    foreignKeys.Add(new ForeignKey(ForeignKeyName(table, item), Resolve(reference.Groups["table"].Value, schema)));
                }
                else if (Like().Match(item) is { Success: true } like)
                {
                    reads.Add(Resolve(like.Groups["table"].Value, schema));
                }

                continue;
            }

            if (ReadColumn(item, schema) is { } column)
            {
                columns.Add(column);
                if (column.References is { } referenced)
                {
                    foreignKeys.Add(new ForeignKey($"{table.Name}_{column.Name}_fkey", referenced));
                }
            }
        }

        return new TableCreated(table, columns, WithRows: CreateTableAs().IsMatch(rest), foreignKeys, reads);
    }

    /// <summary>The name of a foreign key: its own, or PostgreSQL's default, the table's and the columns' names and <c>fkey</c>.</summary>
    internal static string ForeignKeyName(QualifiedName table, string definition)
    {
        if (ConstraintName().Match(definition) is { Success: true } named)
        {
            return Unquote(named.Groups["name"].Value);
        }

        var columns = ForeignKeyColumns().Match(definition) is { Success: true } key
            ? TopLevel.Split(key.Groups["columns"].Value, ',').Select(Unquote)
            : [];
        return string.Join('_', [table.Name, .. columns, "fkey"]);
    }

    /// <summary>One action of an <c>ALTER TABLE</c>.</summary>
    private static StatementAct ReadAction(QualifiedName table, string action, string schema)
    {
        if (AddConstraint().Match(action) is { Success: true } constraint)
        {
            var kind = constraint.Groups["kind"].Value.ToUpperInvariant() switch
            {
                var k when k.StartsWith("PRIMARY", StringComparison.Ordinal) => ConstraintKind.PrimaryKey,
                "UNIQUE" => ConstraintKind.Unique,
                var k when k.StartsWith("FOREIGN", StringComparison.Ordinal) => ConstraintKind.ForeignKey,
                "CHECK" => ConstraintKind.Check,
                _ => ConstraintKind.Exclude,
            };
            var rest = constraint.Groups["rest"].Value;
            var references = kind == ConstraintKind.ForeignKey && References().Match(rest) is { Success: true } r ? Resolve(r.Groups["table"].Value, schema) : (QualifiedName?)null;
            var notNullColumn = kind == ConstraintKind.Check && IsNotNullCheck().Match(rest) is { Success: true } n ? Unquote(n.Groups["column"].Value) : null;
            return new ConstraintAdded(
                table,
                constraint.Groups["name"].Success ? Unquote(constraint.Groups["name"].Value) : kind == ConstraintKind.ForeignKey ? ForeignKeyName(table, action) : null,
                kind,
                NotValid().IsMatch(rest),
                UsingIndex().IsMatch(rest),
                references,
                notNullColumn);
        }

        if (AddColumn().Match(action) is { Success: true } add && ReadColumn(add.Groups["definition"].Value, schema) is { } column)
        {
            return new ColumnAdded(table, column);
        }

        if (DropConstraint().Match(action) is { Success: true } dropConstraint)
        {
            return new ConstraintDropped(table, Unquote(dropConstraint.Groups["name"].Value));
        }

        if (DropColumn().Match(action) is { Success: true } drop)
        {
            return new ColumnDropped(table, Unquote(drop.Groups["column"].Value));
        }

        if (AlterColumnType().Match(action) is { Success: true } retype)
        {
            return new ColumnRetyped(table, Unquote(retype.Groups["column"].Value), retype.Groups["type"].Value.Trim(), retype.Groups["using"].Success ? retype.Groups["using"].Value.Trim() : null);
        }

        if (SetNotNull().Match(action) is { Success: true } notNull)
        {
            return new NotNullSet(table, Unquote(notNull.Groups["column"].Value));
        }

        if (ValidateConstraint().Match(action) is { Success: true } validate)
        {
            return new ConstraintValidated(table, Unquote(validate.Groups["name"].Value));
        }

        if (RenameColumn().Match(action) is { Success: true } renameColumn)
        {
            return new ColumnRenamed(table, Unquote(renameColumn.Groups["column"].Value), Unquote(renameColumn.Groups["to"].Value));
        }

        if (RenameTable().Match(action) is { Success: true } rename)
        {
            return new TableRenamed(table, new QualifiedName(table.Schema, Unquote(rename.Groups["to"].Value)));
        }

        if (SetLogged().Match(action) is { Success: true } logged)
        {
            return new PersistenceChanged(table, Logged: logged.Groups["how"].Value.Equals("LOGGED", StringComparison.OrdinalIgnoreCase));
        }

        // SET STATISTICS, SET (storage parameters), CLUSTER ON take SHARE UPDATE EXCLUSIVE, ENABLE/DISABLE TRIGGER
        // SHARE ROW EXCLUSIVE (as PostgreSQL's AlterTableGetLockLevel has them); anything else is taken to take ACCESS EXCLUSIVE.
        return new OtherAlteration(table, WeakerAlteration().IsMatch(action) ? LockMode.ShareUpdateExclusive
            : TriggerAlteration().IsMatch(action) ? LockMode.ShareRowExclusive
            : LockMode.AccessExclusive);
    }

    /// <summary>
    /// A column definition: its name, its type (up to the first constraint keyword), its default, and what its
    /// constraints do. Null for what is not one (a <c>LIKE</c>, a table constraint).
    /// </summary>
    private static ColumnDefinition? ReadColumn(string definition, string schema)
    {
        var match = ColumnName().Match(definition);
        if (!match.Success)
        {
            return null;
        }

        var name = Unquote(match.Groups["name"].Value);
        var rest = definition[match.Length..];
        var typeEnd = ColumnConstraintStart().Match(rest) is { Success: true } start ? start.Index : rest.Length;
        var type = rest[..typeEnd].Trim();
        var constraints = rest[typeEnd..];
        string? defaultExpression = null;
        if (DefaultClause().Match(constraints) is { Success: true } defaultClause)
        {
            var expression = constraints[(defaultClause.Index + defaultClause.Length)..];
            var end = ColumnConstraintStart().Match(expression) is { Success: true } next ? next.Index : expression.Length;
            defaultExpression = expression[..end].Trim();
        }

        var references = References().Match(constraints) is { Success: true } reference ? Resolve(reference.Groups["table"].Value, schema) : (QualifiedName?)null;
        return new ColumnDefinition(
            name,
            type,
            defaultExpression,
            NotNullConstraint().IsMatch(constraints),
            references,
            Unique().IsMatch(constraints),
            PrimaryKey().IsMatch(constraints),
            Check().IsMatch(constraints),
            GeneratedStored().IsMatch(constraints),
            Identity().IsMatch(constraints));
    }

    /// <summary>
    /// Whether the rest of an UPDATE, DELETE or INSERT ... SELECT keeps to a known set of rows: a LIMIT (in a subquery),
    /// or a WHERE one of whose conditions, joined by AND, compares a column to values: <c>id = 5</c>,
    /// <c>id IN (1, 2)</c>, <c>id BETWEEN 1 AND 1000</c>.
    /// </summary>
    internal static bool IsBounded(string rest)
    {
        if (Limit().IsMatch(rest))
        {
            return true;
        }

        var beforeWhere = TopLevel.Before(rest, "WHERE");
        if (beforeWhere.Length == rest.Length)
        {
            return false;
        }

        var condition = TopLevel.Before(rest[(beforeWhere.Length + "WHERE".Length)..], "RETURNING", "ORDER", "GROUP");
        return Conjuncts(condition).Any(c => KeyBound().IsMatch(StripParentheses(c)));
    }

    /// <summary>The conditions of a WHERE joined by AND outside parentheses; the AND of a BETWEEN stays in its condition.</summary>
    private static IEnumerable<string> Conjuncts(string condition)
    {
        var start = 0;
        var depth = 0;
        for (var i = 0; i < condition.Length; i++)
        {
            depth += condition[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (depth != 0 || !IsKeywordAt(condition, i, "AND"))
            {
                continue;
            }

            var part = condition[start..i];
            if (Between().IsMatch(part) && !BetweenAnd().IsMatch(part))
            {
                continue; // BETWEEN x AND y
            }

            yield return part;
            start = i + 3;
        }

        yield return condition[start..];
    }

    private static bool IsKeywordAt(string text, int i, string keyword)
        => string.Compare(text, i, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
           && (i == 0 || !char.IsLetterOrDigit(text[i - 1]) && text[i - 1] != '_')
           && (i + keyword.Length == text.Length || !char.IsLetterOrDigit(text[i + keyword.Length]) && text[i + keyword.Length] != '_');

    private static string StripParentheses(string condition)
    {
        var trimmed = condition.Trim();
        while (trimmed.StartsWith('(') && trimmed.EndsWith(')') && Inside(trimmed).Length == trimmed.Length - 2)
        {
            trimmed = trimmed[1..^1].Trim();
        }

        return trimmed;
    }

    /// <summary>The tables a query reads: those after FROM and JOIN.</summary>
    private static IReadOnlyList<QualifiedName> ReadTables(string query, string schema)
        => [.. FromOrJoin().Matches(query).Select(m => Resolve(m.Groups["table"].Value, schema)).Distinct()];

    /// <summary>The tables of a DELETE's USING, and those its subqueries read.</summary>
    private static IReadOnlyList<QualifiedName> UsingTables(string rest, string schema)
        => [.. DeleteUsing().Matches(rest).Concat(FromOrJoin().Matches(rest)).Select(m => Resolve(m.Groups["table"].Value, schema)).Distinct()];

    /// <summary>What is inside the parentheses that open <paramref name="text"/>.</summary>
    private static string Inside(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[1..i];
            }
        }

        return text[1..];
    }

    private static string LastPart(string qualified) => Parts().Matches(qualified)[^1].Value;

    private static LockMode ParseMode(string mode) => Regex.Replace(mode.Trim().ToUpperInvariant(), @"\s+", " ") switch
    {
        "ACCESS SHARE" => LockMode.AccessShare,
        "ROW SHARE" => LockMode.RowShare,
        "ROW EXCLUSIVE" => LockMode.RowExclusive,
        "SHARE UPDATE EXCLUSIVE" => LockMode.ShareUpdateExclusive,
        "SHARE" => LockMode.Share,
        "SHARE ROW EXCLUSIVE" => LockMode.ShareRowExclusive,
        "EXCLUSIVE" => LockMode.Exclusive,
        _ => LockMode.AccessExclusive,
    };

    /// <summary>
    /// A lock_timeout as <c>SET</c> takes it: <c>0</c>, <c>5000</c> (milliseconds), <c>'5s'</c>, <c>'2min'</c>; null
    /// for <c>DEFAULT</c> (back to the session's, the runner's). A value lint cannot read is taken to be set.
    /// </summary>
    internal static TimeSpan? ParseTimeout(string value)
    {
        var text = value.Trim().Trim('\'', '"').Trim();
        if (text.Equals("DEFAULT", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var match = Duration().Match(text);
        if (!match.Success)
        {
            return TimeSpan.FromSeconds(1);
        }

        var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "us" => TimeSpan.FromMicroseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "min" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromMilliseconds(amount),
        };
    }

    [GeneratedRegex($@"\bCREATE\s+(?<unique>UNIQUE\s+)?INDEX\s+(?<concurrently>CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:(?<name>{Qualified})\s+)?ON\s+(?:ONLY\s+)?(?<table>{Qualified})", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"\bDROP\s+INDEX\s+(?<concurrently>CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?(?<names>.+?)(?:\s+(?:CASCADE|RESTRICT))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DropIndex();

    [GeneratedRegex($@"\bCREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMPORARY|TEMP|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<table>{Qualified})(?<rest>.*)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"\bAS\s+(?:SELECT|WITH|VALUES|TABLE|EXECUTE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTableAs();

    [GeneratedRegex(@"^\s*(?:CONSTRAINT\s|PRIMARY\s+KEY\b|UNIQUE\b|FOREIGN\s+KEY\b|CHECK\b|EXCLUDE\b|LIKE\s)", RegexOptions.IgnoreCase)]
    private static partial Regex TableConstraint();

    [GeneratedRegex($@"\bREFERENCES\s+(?<table>{Qualified})", RegexOptions.IgnoreCase)]
    private static partial Regex References();

    [GeneratedRegex($@"\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?<table>{Qualified})\s*\*?\s+(?<actions>.*)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AlterTable();

    [GeneratedRegex($@"^\s*ADD\s+(?:CONSTRAINT\s+(?<name>{IdentifierPattern})\s+)?(?<kind>PRIMARY\s+KEY|UNIQUE|FOREIGN\s+KEY|CHECK|EXCLUDE)\b(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AddConstraint();

    [GeneratedRegex(@"\bNOT\s+VALID\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotValid();

    /// <summary><c>UNIQUE USING INDEX i</c>: a constraint on an index built before (not <c>USING INDEX TABLESPACE</c>, a parameter of one built now).</summary>
    [GeneratedRegex(@"^\s*USING\s+INDEX\s+(?!TABLESPACE\b)", RegexOptions.IgnoreCase)]
    private static partial Regex UsingIndex();

    [GeneratedRegex($@"^\s*\(\s*\(?\s*(?<column>{IdentifierPattern})\s*\)?\s+IS\s+NOT\s+NULL\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex IsNotNullCheck();

    [GeneratedRegex(@"^\s*ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?!(?:CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)\b)(?<definition>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AddColumn();

    [GeneratedRegex($@"^\s*DROP\s+CONSTRAINT\s+(?:IF\s+EXISTS\s+)?(?<name>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex DropConstraint();

    [GeneratedRegex($@"^\s*DROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?(?!CONSTRAINT\b)(?<column>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex DropColumn();

    [GeneratedRegex($@"^\s*ALTER\s+(?:COLUMN\s+)?(?<column>{IdentifierPattern})\s+(?:SET\s+DATA\s+)?TYPE\s+(?<type>.+?)(?:\s+COLLATE\s+\S+)?(?:\s+USING\s+(?<using>.+))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AlterColumnType();

    [GeneratedRegex($@"^\s*ALTER\s+(?:COLUMN\s+)?(?<column>{IdentifierPattern})\s+SET\s+NOT\s+NULL\b", RegexOptions.IgnoreCase)]
    private static partial Regex SetNotNull();

    [GeneratedRegex($@"^\s*VALIDATE\s+CONSTRAINT\s+(?<name>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex ValidateConstraint();

    [GeneratedRegex($@"^\s*RENAME\s+(?:COLUMN\s+)?(?!(?:CONSTRAINT|TO)\b)(?<column>{IdentifierPattern})\s+TO\s+(?<to>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex RenameColumn();

    [GeneratedRegex($@"^\s*RENAME\s+TO\s+(?<to>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex RenameTable();

    [GeneratedRegex($@"^\s*(?:ALTER\s+(?:COLUMN\s+)?{IdentifierPattern}\s+SET\s+(?:STATISTICS|\()|ALTER\s+(?:COLUMN\s+)?{IdentifierPattern}\s+RESET\s*\(|SET\s*\(|RESET\s*\(|CLUSTER\s+ON|SET\s+WITHOUT\s+CLUSTER|VALIDATE\s+CONSTRAINT)", RegexOptions.IgnoreCase)]
    private static partial Regex WeakerAlteration();

    [GeneratedRegex(@"^\s*(?:ENABLE|DISABLE)\s+(?:ALWAYS\s+|REPLICA\s+)?TRIGGER\b", RegexOptions.IgnoreCase)]
    private static partial Regex TriggerAlteration();

    [GeneratedRegex(@"^\s*SET\s+(?<how>LOGGED|UNLOGGED)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SetLogged();

    [GeneratedRegex($@"^\s*CONSTRAINT\s+(?<name>{IdentifierPattern})", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintName();

    [GeneratedRegex(@"\bFOREIGN\s+KEY\s*\((?<columns>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignKeyColumns();

    [GeneratedRegex($@"^\s*LIKE\s+(?<table>{Qualified})", RegexOptions.IgnoreCase)]
    private static partial Regex Like();

    /// <summary>The table a list's item names: <c>orders</c> of <c>VACUUM orders (amount)</c>.</summary>
    [GeneratedRegex($@"(?<=^\s*){Qualified}")]
    private static partial Regex LeadingName();

    [GeneratedRegex($@"\bINSERT\s+INTO\s+(?<table>{Qualified})", RegexOptions.IgnoreCase)]
    private static partial Regex InsertInto();

    /// <summary><c>VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [tables]</c> or <c>VACUUM (options) [tables]</c>.</summary>
    [GeneratedRegex(@"^\s*VACUUM\b(?<options>\s*\([^)]*\)|(?:\s+(?:FULL|FREEZE|VERBOSE|ANALYZE|ANALYSE)\b)*)(?<tables>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Vacuum();

    [GeneratedRegex(@"^\s*ANALY[SZ]E\b(?:\s*\([^)]*\)|\s+VERBOSE\b)?(?<tables>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Analyze();

    [GeneratedRegex($@"^\s*CLUSTER\b(?:\s*\([^)]*\)|\s+VERBOSE\b)?\s*(?:(?<table>{Qualified})(?:\s+USING\s+{IdentifierPattern})?)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Cluster();

    [GeneratedRegex($@"^\s*REINDEX\b(?<options>\s*\([^)]*\))?\s+(?<kind>TABLE|INDEX)\s+(?<concurrently>CONCURRENTLY\s+)?(?<name>{Qualified})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Reindex();

    /// <summary>An option of a parenthesised list (<c>(FULL, ANALYZE)</c>, <c>(CONCURRENTLY true)</c>) or a keyword, on unless false, off or 0.</summary>
    private static bool Enabled(string options, string option)
        => Regex.IsMatch(options, $@"\b{option}\b(?!\s+(?:FALSE|OFF|0)\b)", RegexOptions.IgnoreCase);

    /// <summary>
    /// Statements that take no lock blocking the application's queries, or run nothing now: settings, queries,
    /// comments, privileges, new views, types, sequences, schemas, extensions and routines created or dropped (without
    /// CASCADE), transaction control, and the PL/pgSQL statements of a DO block that run no SQL.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:(?:SET|RESET|SHOW|SELECT|VALUES|WITH|TABLE|COMMENT\s+ON|GRANT|REVOKE|ALTER\s+DEFAULT\s+PRIVILEGES|NOTIFY|LISTEN|UNLISTEN|DISCARD"
                    + @"|CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE|AGGREGATE)|ALTER\s+(?:FUNCTION|PROCEDURE|TYPE|SEQUENCE|SCHEMA|EXTENSION)"
                    + @"|CREATE\s+(?:TYPE|DOMAIN|SEQUENCE|SCHEMA|EXTENSION|COLLATION|(?:(?:TEMP|TEMPORARY)\s+)?(?:RECURSIVE\s+)?VIEW)"
                    + @"|BEGIN|START\s+TRANSACTION|COMMIT|ROLLBACK|END|SAVEPOINT|RELEASE"
                    + @"|RETURN|RAISE|PERFORM|NULL|EXIT|CONTINUE|ASSERT|GET\s+(?:CURRENT\s+|STACKED\s+)?DIAGNOSTICS)\b"
                    + @"|DROP\s+(?:FUNCTION|PROCEDURE|AGGREGATE|TYPE|DOMAIN|SEQUENCE)\b(?!.*\bCASCADE\b)"
                    + @"|[\w.""]+(?:\[[^\]]*\])?\s*:?=)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Harmless();

    [GeneratedRegex(@"^\s*DO\b", RegexOptions.IgnoreCase)]
    private static partial Regex DoBlock();

    /// <summary>A DO block's body, between its dollar quotes (after an optional LANGUAGE).</summary>
    [GeneratedRegex(@"\G\s*(?:LANGUAGE\s+\w+\s+)?(?<tag>\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$)(?<body>.*)\k<tag>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DollarBody();

    /// <summary>A PL/pgSQL block that opens with declarations (after a label and <c>#</c> directives).</summary>
    [GeneratedRegex(@"^\s*(?:<<\w+>>\s*)?(?:\#[^\n]*\n\s*)*DECLARE\b", RegexOptions.IgnoreCase)]
    private static partial Regex Declare();

    [GeneratedRegex(@"\bBEGIN\b", RegexOptions.IgnoreCase)]
    private static partial Regex BeginKeyword();

    /// <summary>
    /// The PL/pgSQL words that lead to a statement in a block: a label, a directive, BEGIN, IF/ELSIF/WHEN ... THEN,
    /// ELSE, EXCEPTION WHEN ... THEN, LOOP and the FOR/WHILE ... LOOP that open one.
    /// </summary>
    [GeneratedRegex(@"^(?:\s*(?:<<\w+>>|\#[^\n]*|BEGIN\b|ELSE\b|LOOP\b|(?:(?:ELS)?IF|WHEN|EXCEPTION\s+WHEN)\b.*?\bTHEN\b|(?:FOR|FOREACH|WHILE)\b.*?\bLOOP\b))*", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ControlWords();

    [GeneratedRegex(@"\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?<names>.+?)(?:\s+(?:CASCADE|RESTRICT))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DropTable();

    [GeneratedRegex(@"\bTRUNCATE\s+(?:TABLE\s+)?(?<names>.+?)(?:\s+(?:RESTART|CONTINUE)\s+IDENTITY)?(?:\s+(?:CASCADE|RESTRICT))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Truncate();

    [GeneratedRegex(@"^\s*LOCK\s+(?:TABLE\s+)?(?<names>.+?)(?:\s+IN\s+(?<mode>(?:ACCESS|ROW|SHARE|UPDATE|EXCLUSIVE|\s)+?)\s+MODE)?(?:\s+NOWAIT)?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LockTable();

    [GeneratedRegex(@"^\s*ONLY\s+|\s*\*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyOrStar();

    [GeneratedRegex(@"^\s*SET\s+(?:(?<scope>LOCAL|SESSION)\s+)?lock_timeout\s*(?:=|\bTO\b)\s*(?<value>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SetLockTimeout();

    [GeneratedRegex(@"^\s*RESET\s+(?:lock_timeout|ALL)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ResetLockTimeout();

    [GeneratedRegex(@"set_config\s*\(\s*'lock_timeout'\s*,\s*'(?<value>[^']*)'\s*,\s*(?<local>true|false)", RegexOptions.IgnoreCase)]
    private static partial Regex SetConfigLockTimeout();

    [GeneratedRegex($@"\bUPDATE\s+(?:ONLY\s+)?(?<table>{Qualified})\s*\*?(?:\s+(?:AS\s+)?(?!SET\b){IdentifierPattern})?\s+SET\b(?<rest>.*)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Update();

    [GeneratedRegex($@"\bDELETE\s+FROM\s+(?:ONLY\s+)?(?<table>{Qualified})(?<rest>.*)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DeleteFrom();

    [GeneratedRegex($@"\bINSERT\s+INTO\s+(?<table>{Qualified})(?:\s*\([^)]*\))?\s*(?<select>(?:WITH\b|SELECT\b|\(\s*SELECT\b|TABLE\b).*)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InsertSelect();

    [GeneratedRegex($@"\b(?:FROM|JOIN)\s+(?:ONLY\s+)?(?!(?:SELECT|LATERAL)\b)(?<table>{Qualified})", RegexOptions.IgnoreCase)]
    private static partial Regex FromOrJoin();

    [GeneratedRegex($@"^\s*USING\s+(?:ONLY\s+)?(?<table>{Qualified})", RegexOptions.IgnoreCase)]
    private static partial Regex DeleteUsing();

    [GeneratedRegex(@"\bLIMIT\s+(?:\d+|\$\d+|@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Limit();

    [GeneratedRegex(@"\bBETWEEN\b", RegexOptions.IgnoreCase)]
    private static partial Regex Between();

    [GeneratedRegex(@"\bBETWEEN\b.*\bAND\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BetweenAnd();

    /// <summary>A column compared to values: <c>= v</c>, <c>IN (v, ...)</c>, <c>BETWEEN v AND v</c>, <c>= ANY(ARRAY[...])</c>.</summary>
    [GeneratedRegex($@"^(?:{Qualified})\s*(?:=\s*{Value}|IN\s*\(\s*{Value}(?:\s*,\s*{Value})*\s*\)|BETWEEN\s+{Value}\s+AND\s+{Value}|=\s*ANY\s*\(\s*(?:ARRAY\s*\[[^\]]*\]|'\s*'|\$\d+|@\w+)\s*(?:::[\w\s\[\]]+)?\))$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyBound();

    /// <summary>A value: a number, a (blanked) string, a parameter, true, false, with a cast.</summary>
    private const string Value = @"(?:-?\d+(?:\.\d+)?|'\s*'|\$\d+|@\w+|TRUE|FALSE)(?:\s*::\s*[\w\s]+?(?:\([\d,\s]*\))?)?";

    [GeneratedRegex($@"^\s*(?<name>{IdentifierPattern})\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnName();

    /// <summary>Where a column's type ends: its first constraint, default or collation.</summary>
    [GeneratedRegex(@"\s(?:NOT\s+NULL|NULL|DEFAULT|CONSTRAINT|PRIMARY\s+KEY|UNIQUE|REFERENCES|CHECK|GENERATED|COLLATE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnConstraintStart();

    [GeneratedRegex(@"\bDEFAULT\s", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultClause();

    [GeneratedRegex(@"\bNOT\s+NULL\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotNullConstraint();

    [GeneratedRegex(@"\bUNIQUE\b", RegexOptions.IgnoreCase)]
    private static partial Regex Unique();

    [GeneratedRegex(@"\bPRIMARY\s+KEY\b", RegexOptions.IgnoreCase)]
    private static partial Regex PrimaryKey();

    [GeneratedRegex(@"\bCHECK\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex Check();

    [GeneratedRegex(@"\bGENERATED\s+ALWAYS\s+AS\s*\(.*\)\s*STORED\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex GeneratedStored();

    [GeneratedRegex(@"\bGENERATED\s+(?:ALWAYS|BY\s+DEFAULT)\s+AS\s+IDENTITY\b", RegexOptions.IgnoreCase)]
    private static partial Regex Identity();

    [GeneratedRegex(@"^(?<amount>\d+(?:\.\d+)?)\s*(?<unit>us|ms|s|min|h|d)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(IdentifierPattern)]
    private static partial Regex Parts();
}

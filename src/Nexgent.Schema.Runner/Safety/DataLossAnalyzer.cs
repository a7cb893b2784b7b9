using System.Reflection;
using System.Text.RegularExpressions;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using Nexgent.Schema.Postgres;
using Npgsql;

namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// What running a migration would destroy: what it declares with <see cref="LosesDataAttribute"/>, and what
/// its expressions show (a dropped table or column, deleted rows, a narrowed column, SQL that drops, deletes
/// or retypes), unless it says otherwise with <see cref="NoDataLossAttribute"/>.
/// </summary>
internal sealed partial class DataLossAnalyzer(MigrationExpressions expressions, DatabaseConnection database)
{
    public IReadOnlyList<string> Analyze(IMigrationInfo migration, MigrationDirection direction)
    {
        var declared = DataLoss.Declared(migration.Migration, direction);
        if (migration.Migration.GetType().GetCustomAttributes<NoDataLossAttribute>().Any(a => a.Direction == direction))
        {
            return declared;
        }

        // What the author declared says it best; detection covers the migrations that declare nothing.
        if (declared.Count > 0)
        {
            return declared;
        }

        var all = expressions.Of(migration.Migration, direction).ToList();
        var added = AddedColumns(all);
        return all.SelectMany(e => Detect(e, added)).Distinct().ToList();
    }

    /// <summary>Columns the migration itself creates: they hold no data yet, so retyping or filling them (<c>BackfillInRewrite</c>) loses nothing.</summary>
    private static HashSet<(string Table, string Column)> AddedColumns(IEnumerable<IMigrationExpression> expressions)
        => expressions.SelectMany(e => e switch
        {
            CreateColumnExpression c => [(c.TableName, c.Column.Name)],
            CreateTableExpression t => t.Columns.Select(c => (t.TableName, c.Name)),
            _ => [],
        }).ToHashSet();

    private IEnumerable<string> Detect(IMigrationExpression expression, HashSet<(string Table, string Column)> added) => expression switch
    {
        DeleteTableExpression e => [$"drops the table {e.TableName} with its rows"],
        DeleteColumnExpression e => e.ColumnNames.Select(c => $"drops the column {e.TableName}.{c} with its values"),
        DeleteDataExpression e => [$"deletes rows from {e.TableName}"],
        AlterColumnExpression e => Narrowing(e.TableName, e.Column.Name, e.Column.Size, e.Column.Precision),
        ExecuteSqlStatementExpression e => FromSql(e.SqlStatement, added),
        _ => [],
    };

    /// <summary>An altered column narrows when its new length, precision or scale is below the current one.</summary>
    private IEnumerable<string> Narrowing(string table, string column, int? size, int? precision)
    {
        if (CurrentType(table, column) is not { } current)
        {
            yield break;
        }

        var (length, currentPrecision, currentScale, typeName) = current;
        if ((size is { } s && length is { } l && s < l)
            || (size is { } p && currentPrecision is { } cp && p < cp)
            || (precision is { } scale && currentScale is { } cs && scale < cs))
        {
            yield return $"narrows the column {table}.{column} from {typeName}";
        }
    }

    private IEnumerable<string> FromSql(string sql, HashSet<(string Table, string Column)> added)
    {
        foreach (Match drop in DropStatement().Matches(sql))
        {
            yield return $"runs SQL that drops: {Excerpt(drop.Value)}";
        }

        foreach (Match delete in DeleteOrTruncate().Matches(sql))
        {
            yield return $"runs SQL that deletes rows: {Excerpt(delete.Value)}";
        }

        foreach (var statement in sql.Split(';'))
        {
            if (AlterTable().Match(statement) is not { Success: true } alter)
            {
                continue;
            }

            var table = Unquote(alter.Groups["table"].Value);
            foreach (Match retype in ColumnType().Matches(statement[alter.Length..]))
            {
                var column = Unquote(retype.Groups["column"].Value);
                var newType = retype.Groups["type"].Value.Trim();
                if (added.Contains((table, column)))
                {
                    continue;
                }

                if (retype.Groups["using"].Success)
                {
                    yield return $"rewrites every value of {table}.{column} (TYPE {newType} USING ...)";
                }
                else if (!IsWidening(table, column, newType))
                {
                    yield return $"changes the type of {table}.{column} to {newType}";
                }
            }
        }
    }

    /// <summary>numeric(p,s) → numeric(p',s') with more integer digits and decimals, or a longer varchar, keeps every value.</summary>
    private bool IsWidening(string table, string column, string newType)
    {
        if (CurrentType(table, column) is not { } current)
        {
            return false;
        }

        var numeric = NumericType().Match(newType);
        if (numeric.Success && current.Precision is { } p && current.Scale is { } s)
        {
            var newPrecision = int.Parse(numeric.Groups[1].Value);
            var newScale = int.Parse(numeric.Groups[2].Value);
            return newScale >= s && newPrecision - newScale >= p - s;
        }

        var varchar = VarcharType().Match(newType);
        return varchar.Success && current.Length is { } length && int.Parse(varchar.Groups[1].Value) >= length;
    }

    private (int? Length, int? Precision, int? Scale, string TypeName)? CurrentType(string table, string column)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""
            SELECT character_maximum_length, numeric_precision, numeric_scale, data_type
              FROM information_schema.columns
             WHERE table_schema = @schema AND table_name = @table AND column_name = @column
            """, connection);
        command.Parameters.AddWithValue("schema", database.Schema);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("column", column);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        int? Int(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
        return (Int(0), Int(1), Int(2), reader.GetString(3));
    }

    private static string Unquote(string identifier) => identifier.Trim('"');

    private static string Excerpt(string sql)
    {
        var flat = Regex.Replace(sql, @"\s+", " ").Trim();
        return flat.Length <= 80 ? flat : flat[..77] + "...";
    }

    [GeneratedRegex(@"\bDROP\s+(TABLE|COLUMN|SCHEMA)\b[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex DropStatement();

    [GeneratedRegex(@"\b(DELETE\s+FROM|TRUNCATE)\b[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex DeleteOrTruncate();

    [GeneratedRegex(@"^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?:""?\w+""?\.)?(?<table>""?\w+""?)", RegexOptions.IgnoreCase)]
    private static partial Regex AlterTable();

    [GeneratedRegex(@"ALTER\s+(?:COLUMN\s+)?(?<column>""?\w+""?)\s+(?:SET\s+DATA\s+)?TYPE\s+(?<type>(?:""[^""]+""|\w+)(?:\.(?:""[^""]+""|\w+))?(?:\s+(?!USING\b|COLLATE\b)\w+)*(?:\s*\(\s*\d+\s*(?:,\s*\d+\s*)?\))?(?:\[\])*)(?<using>\s+USING\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnType();

    [GeneratedRegex(@"^\s*(?:numeric|decimal)\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex NumericType();

    [GeneratedRegex(@"^\s*(?:varchar|character varying)\s*\(\s*(\d+)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex VarcharType();
}

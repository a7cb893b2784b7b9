using FluentMigrator;
using FluentMigrator.Builders;
using FluentMigrator.Infrastructure;

namespace Nexgent.Schema.Postgres;

/// <summary>
/// Column types and defaults for PostgreSQL, usable wherever FluentMigrator takes a column type
/// (<c>Create.Table</c>, <c>Alter.Table</c>, <c>Create.Column</c>, <c>Alter.Column</c>).
/// </summary>
public static class ColumnExtensions
{
    public static TNext AsJsonb<TNext>(this IColumnTypeSyntax<TNext> column) where TNext : IFluentSyntax
        => column.AsCustom(PostgresTypes.Jsonb);

    /// <summary><c>text</c>: Prisma's <c>String</c> without <c>@db.VarChar(n)</c>.</summary>
    public static TNext AsText<TNext>(this IColumnTypeSyntax<TNext> column) where TNext : IFluentSyntax
        => column.AsCustom(PostgresTypes.Text);

    public static TNext AsTextArray<TNext>(this IColumnTypeSyntax<TNext> column) where TNext : IFluentSyntax
        => column.AsCustom(PostgresTypes.TextArray);

    /// <summary>An <c>integer</c> filled from an owned sequence named <c>&lt;table&gt;_&lt;column&gt;_seq</c>, as Prisma's autoincrement.</summary>
    public static TNext AsSerial<TNext>(this IColumnTypeSyntax<TNext> column) where TNext : IFluentSyntax
        => column.AsCustom(PostgresTypes.Serial);

    /// <summary><c>timestamptz</c>, Prisma's <c>DateTime</c>; with a precision, <c>timestamptz(p)</c> (Prisma's <c>@db.Timestamptz(p)</c>).</summary>
    public static TNext AsTimestampTz<TNext>(this IColumnTypeSyntax<TNext> column, int? precision = null) where TNext : IFluentSyntax
        => column.AsCustom(precision is { } p ? PostgresTypes.TimestampTzWithPrecision(p) : PostgresTypes.TimestampTz);

    public static TNext AsNumeric<TNext>(this IColumnTypeSyntax<TNext> column, int precision, int scale) where TNext : IFluentSyntax
        => column.AsCustom(PostgresTypes.Numeric(precision, scale));

    public static TNext AsEnum<TNext>(this IColumnTypeSyntax<TNext> column, string enumTypeName) where TNext : IFluentSyntax
        => column.AsCustom(PostgresTypes.Enum(enumTypeName));

    /// <summary>Default <c>CURRENT_TIMESTAMP</c>, which is what Prisma's <c>@default(now())</c> writes.</summary>
    public static TNext WithDefaultCurrentTimestamp<TNext, TNextFk>(this IColumnOptionSyntax<TNext, TNextFk> column)
        where TNext : IFluentSyntax where TNextFk : IFluentSyntax
        => column.WithDefaultSql("CURRENT_TIMESTAMP");

    /// <summary>Default <c>ARRAY[]::text[]</c> (Prisma's <c>@default([])</c> on a <c>String[]</c>).</summary>
    public static TNext WithDefaultEmptyArray<TNext, TNextFk>(this IColumnOptionSyntax<TNext, TNextFk> column)
        where TNext : IFluentSyntax where TNextFk : IFluentSyntax
        => column.WithDefaultSql("ARRAY[]::text[]");

    /// <summary>Default <c>'{}'</c>, the array literal form of an empty <c>text[]</c> (hand-written SQL uses it).</summary>
    public static TNext WithDefaultEmptyArrayLiteral<TNext, TNextFk>(this IColumnOptionSyntax<TNext, TNextFk> column)
        where TNext : IFluentSyntax where TNextFk : IFluentSyntax
        => column.WithDefaultSql("'{}'");

    /// <summary>A default written as SQL, unquoted (an expression, not a string value).</summary>
    public static TNext WithDefaultSql<TNext, TNextFk>(this IColumnOptionSyntax<TNext, TNextFk> column, string sqlExpression)
        where TNext : IFluentSyntax where TNextFk : IFluentSyntax
        => column.WithDefaultValue(RawSql.Insert(sqlExpression));
}

using System.Data;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Index;
using FluentMigrator.Builders.Delete;

namespace Nexgent.Schema.Postgres;

/// <summary>
/// Indexes and foreign keys with Prisma's names (<c>&lt;table&gt;_&lt;cols&gt;_idx</c>, <c>_key</c>, <c>_fkey</c>).
/// Prisma writes unique keys as unique indexes, not constraints, and so do these.
/// </summary>
public static class IndexAndKeyExtensions
{
    public static void IndexOn(this ICreateExpressionRoot create, string table, params string[] columns)
        => create.IndexNamed(PrismaNames.Index(table, columns), table, columns);

    public static void UniqueIndexOn(this ICreateExpressionRoot create, string table, params string[] columns)
        => create.UniqueIndexNamed(PrismaNames.UniqueKey(table, columns), table, columns);

    /// <summary>An index with a name of your choosing, for when Prisma's would pass 63 characters.</summary>
    public static void IndexNamed(this ICreateExpressionRoot create, string name, string table, params string[] columns)
        => AddColumns(create.Index(name).OnTable(table), columns);

    public static void UniqueIndexNamed(this ICreateExpressionRoot create, string name, string table, params string[] columns)
        => AddColumns(create.Index(name).OnTable(table), columns).WithOptions().Unique();

    /// <summary>
    /// <c>FOREIGN KEY (column) REFERENCES referencedTable(referencedColumn) ON DELETE onDelete ON UPDATE CASCADE</c>,
    /// named <c>&lt;table&gt;_&lt;column&gt;_fkey</c>. Prisma's relations always cascade updates.
    /// </summary>
    public static void ForeignKeyOn(
        this ICreateExpressionRoot create,
        string table,
        string column,
        string referencedTable,
        string referencedColumn = "id",
        Rule onDelete = Rule.Cascade)
        => create.ForeignKey(PrismaNames.ForeignKey(table, column))
            .FromTable(table).ForeignColumn(column)
            .ToTable(referencedTable).PrimaryColumn(referencedColumn)
            .OnDelete(onDelete).OnUpdate(Rule.Cascade);

    public static void IndexOn(this IDeleteExpressionRoot delete, string table, params string[] columns)
        => delete.Index(PrismaNames.Index(table, columns)).OnTable(table);

    public static void UniqueIndexOn(this IDeleteExpressionRoot delete, string table, params string[] columns)
        => delete.Index(PrismaNames.UniqueKey(table, columns)).OnTable(table);

    public static void ForeignKeyOn(this IDeleteExpressionRoot delete, string table, string column)
        => delete.ForeignKey(PrismaNames.ForeignKey(table, column)).OnTable(table);

    private static ICreateIndexOnColumnSyntax AddColumns(ICreateIndexOnColumnSyntax index, string[] columns)
    {
        if (columns.Length == 0)
        {
            throw new ArgumentException("An index needs at least one column.", nameof(columns));
        }

        foreach (var column in columns)
        {
            index = index.OnColumn(column).Ascending();
        }

        return index;
    }
}

using Nexgent.Schema.Runner.Generation;

namespace Nexgent.Schema.Tests.Generation;

/// <summary>Schema models written by hand, for the tests of the differ and the writer that need no server.</summary>
internal static class Models
{
    public static ColumnModel Column(string name, string type, bool notNull = true, string? @default = null) => new(name, type, notNull, @default);

    public static TableModel Table(string name, params ColumnModel[] columns)
        => new(name, columns, new KeyModel($"{name}_pkey", [columns[0].Name]), [], [], []);

    public static IndexModel Index(string table, params string[] columns)
        => new($"{table}_{string.Join('_', columns)}_idx", false, columns, true, "");

    public static ForeignKeyModel ForeignKey(string table, string column, string referenced, char onDelete = 'c')
        => new($"{table}_{column}_fkey", [column], referenced, ["id"], onDelete, 'c', true, "");

    public static SchemaModel SchemaOf(params TableModel[] tables) => new(tables, [], [], []);

    /// <summary>Nexgent's users and agents, reduced to what the tests need.</summary>
    public static SchemaModel UsersAndAgents() => SchemaOf(
        Table("users", Column("id", "uuid"), Column("email", "character varying(255)")),
        Table("agents", Column("id", "uuid"), Column("user_id", "uuid"), Column("name", "character varying(255)"), Column("legacy", "text", notNull: false))
            with { Indexes = [Index("agents", "user_id")], ForeignKeys = [ForeignKey("agents", "user_id", "users")] });
}

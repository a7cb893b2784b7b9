namespace Nexgent.Schema.Runner.Drift;

/// <summary>What kind of schema object a drift difference is about.</summary>
public enum FactKind
{
    Table,
    Column,
    Constraint,
    Index,
    EnumType,
    Sequence,
    Function,
    View,
    Trigger,

    /// <summary>Whether a table's row-level security is enabled, and forced on its owner.</summary>
    RowSecurity,
    Policy,
    Rule,
    Domain,

    /// <summary>The order of a table's columns.</summary>
    ColumnOrder,
    Extension,
}

/// <summary>
/// One object of a schema: what it is, its name (qualified by its table where it belongs to one: a column, constraint,
/// index, trigger, policy or rule; a table's own name for its column order and row-level security), and its definition
/// as PostgreSQL prints it (a column's type, nullability and default; a constraint's, index's, trigger's, rule's,
/// function's or view's definition; an enum's labels; a domain's base type, default and checks; a sequence's owner; a
/// policy's command, roles and expressions; the names of a table's columns in order; an extension's version and schema).
/// </summary>
internal sealed record CatalogFact(FactKind Kind, string Name, string Definition)
{
    /// <summary>
    /// An extension installed in another schema than the one compared: it counts when the migrations create it, or
    /// when the two databases hold it differently, but not when only the target has it (a platform's extensions).
    /// </summary>
    public bool OutsideSchema { get; init; }

    public string Noun => Kind switch
    {
        FactKind.Table => "table",
        FactKind.Column => "column",
        FactKind.Constraint => "constraint",
        FactKind.Index => "index",
        FactKind.EnumType => "enum type",
        FactKind.Sequence => "sequence",
        FactKind.Function => "function",
        FactKind.View => "view",
        FactKind.Trigger => "trigger",
        FactKind.RowSecurity => "row-level security setting of table",
        FactKind.Policy => "policy",
        FactKind.Rule => "rule",
        FactKind.Domain => "domain",
        FactKind.ColumnOrder => "column order of table",
        FactKind.Extension => "extension",
        _ => Kind.ToString(),
    };

    /// <summary>
    /// The table (or view) a fact belongs to, when it belongs to one: the longest of <paramref name="relations"/> that
    /// its name starts with, and a dot (a table's name may hold a dot), else what comes before its first dot.
    /// </summary>
    public static string? OwnerOf(FactKind kind, string name, IReadOnlySet<string> relations) => kind switch
    {
        FactKind.ColumnOrder or FactKind.RowSecurity => name,
        FactKind.Column or FactKind.Constraint or FactKind.Index or FactKind.Trigger or FactKind.Policy or FactKind.Rule
            => relations.Where(r => name.StartsWith(r + ".", StringComparison.Ordinal)).MaxBy(r => r.Length)
               ?? (name.Contains('.') ? name[..name.IndexOf('.')] : null),
        _ => null,
    };
}

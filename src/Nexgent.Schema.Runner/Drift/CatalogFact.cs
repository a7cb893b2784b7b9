namespace Nexgent.Schema.Runner.Drift;

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
}

/// <summary>
/// One object of a schema: what it is, its name (qualified by its table where it belongs to one), and
/// its definition as PostgreSQL prints it (a column's type, nullability and default; a constraint's or
/// an index's definition; an enum's labels; a sequence's owner).
/// </summary>
internal sealed record CatalogFact(FactKind Kind, string Name, string Definition)
{
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
        _ => Kind.ToString(),
    };
}

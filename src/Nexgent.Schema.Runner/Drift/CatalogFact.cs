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

    /// <summary>Whether a table is unlogged (only then is there a fact).</summary>
    Persistence,

    /// <summary>A table's storage parameters (<c>WITH (fillfactor=...)</c>, its TOAST table's prefixed with <c>toast.</c>).</summary>
    StorageParameters,

    /// <summary>The tables a table inherits from (<c>INHERITS</c>), a partition's parent aside.</summary>
    Inheritance,

    /// <summary>A partitioned table's partition key (<c>PARTITION BY</c>).</summary>
    Partitioning,

    /// <summary>The table a partition is attached to, and its bounds.</summary>
    PartitionOf,

    /// <summary>A table's replica identity, when not the default.</summary>
    ReplicaIdentity,

    /// <summary>The index a table is marked to cluster on (<c>CLUSTER ON</c>).</summary>
    ClusterIndex,

    /// <summary>A column's collation, when not its type's.</summary>
    ColumnCollation,

    /// <summary>A column's storage (<c>SET STORAGE</c>), when not its type's.</summary>
    ColumnStorage,

    /// <summary>A column's statistics target (<c>SET STATISTICS</c>), when set.</summary>
    ColumnStatistics,

    /// <summary>A column's compression method (<c>SET COMPRESSION</c>), when set.</summary>
    ColumnCompression,

    /// <summary>A column's options (<c>SET (n_distinct=...)</c>).</summary>
    ColumnOptions,

    /// <summary>The options of a sequence (not an identity's: those are its column's) that are not the defaults.</summary>
    SequenceOptions,

    /// <summary>The comment on an object (<c>COMMENT ON</c>).</summary>
    Comment,

    /// <summary>The privileges granted on an object beyond its owner's default ones, or revoked from them (<c>GRANT</c>, <c>REVOKE</c>).</summary>
    Privileges,

    /// <summary>A composite or range type.</summary>
    Type,

    /// <summary>An extended statistics object on a table (<c>CREATE STATISTICS</c>).</summary>
    Statistics,
}

/// <summary>
/// One object of a schema: what it is, its name (qualified by its table where it belongs to one: a column, constraint,
/// index, trigger, policy or rule; a table's own name for its column order and row-level security), and its definition
/// as PostgreSQL prints it (a column's type, nullability, default or generation expression and identity; a constraint's,
/// index's, trigger's, rule's, function's or view's definition; an enum's labels; a domain's base type, default and
/// checks; a sequence's owner; a policy's command, roles and expressions; the names of a table's columns in order; an
/// extension's version and schema). Or a setting of one (<see cref="Subject"/>), there only when it is not the default.
/// </summary>
internal sealed record CatalogFact(FactKind Kind, string Name, string Definition)
{
    /// <summary>
    /// The object this one is of: a setting's, comment's or privileges' object, a constraint's index's constraint, a
    /// serial's or identity's sequence's column. When that object is on one side only, it is the difference, and this
    /// one is none.
    /// </summary>
    public (FactKind Kind, string Name)? Subject { get; init; }

    /// <summary>
    /// A fact of <paramref name="subject"/>; a comment or privileges are named as COMMENT ON and GRANT name their object
    /// (<c>column notes.body</c>), the others keep <paramref name="name"/>.
    /// </summary>
    public static CatalogFact Of(FactKind kind, string name, string definition, (FactKind Kind, string Name) subject)
        => new(kind, kind is FactKind.Comment or FactKind.Privileges ? $"{NounOf(subject.Kind)} {subject.Name}" : name, definition) { Subject = subject };

    /// <summary>A setting, comment or privileges of the object <paramref name="subjectKind"/> <paramref name="subject"/>.</summary>
    public static CatalogFact Setting(FactKind kind, FactKind subjectKind, string subject, string definition)
        => Of(kind, subject, definition, (subjectKind, subject));

    /// <summary>
    /// An extension installed in another schema than the one compared: it counts when the migrations create it, or
    /// when the two databases hold it differently, but not when only the target has it (a platform's extensions).
    /// </summary>
    public bool OutsideSchema { get; init; }

    public string Noun => NounOf(Kind);

    public static string NounOf(FactKind kind) => kind switch
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
        FactKind.Type => "type",
        FactKind.Statistics => "statistics object",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The table (or view) a fact belongs to, when it belongs to one: the longest of <paramref name="relations"/> that
    /// its name starts with, and a dot (a table's name may hold a dot), else what comes before its first dot.
    /// </summary>
    public static string? OwnerOf(FactKind kind, string name, IReadOnlySet<string> relations) => kind switch
    {
        FactKind.ColumnOrder or FactKind.RowSecurity => name,
        FactKind.Column or FactKind.Constraint or FactKind.Index or FactKind.Trigger or FactKind.Policy or FactKind.Rule or FactKind.Statistics
            => relations.Where(r => name.StartsWith(r + ".", StringComparison.Ordinal)).MaxBy(r => r.Length)
               ?? (name.Contains('.') ? name[..name.IndexOf('.')] : null),
        _ => null,
    };
}

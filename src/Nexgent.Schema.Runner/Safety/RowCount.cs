namespace Nexgent.Schema.Runner.Safety;

/// <summary>How many rows a table holds at a step of a plan, as far as it is cheap to know.</summary>
internal readonly record struct RowCount(long Count, RowCount.Precision Kind)
{
    public enum Precision
    {
        Exactly,

        /// <summary>PostgreSQL's estimate (<c>pg_class.reltuples</c>), for a table too large to count.</summary>
        About,

        /// <summary>Too large to count, and never analyzed.</summary>
        MoreThan,

        /// <summary>Rows an earlier migration of the plan inserts: some, how many is not known before it runs.</summary>
        Some,
    }

    public static readonly RowCount None = new(0, Precision.Exactly);

    public static readonly RowCount Inserted = new(0, Precision.Some);

    public bool HasRows => Kind != Precision.Exactly || Count > 0;

    public override string ToString() => Kind switch
    {
        Precision.Exactly => Count == 1 ? "1 row" : $"{Count} rows",
        Precision.About => $"about {Count} rows",
        Precision.MoreThan => $"more than {Count} rows",
        _ => "rows inserted by an earlier migration",
    };
}

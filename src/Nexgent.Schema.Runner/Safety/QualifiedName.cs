namespace Nexgent.Schema.Runner.Safety;

/// <summary>A table or type as PostgreSQL resolves it: its schema and its name, both as stored in the catalog.</summary>
internal readonly record struct QualifiedName(string Schema, string Name)
{
    /// <summary>The name alone when it is in <paramref name="defaultSchema"/>, as the migrations write it.</summary>
    public string ShownIn(string defaultSchema) => Schema == defaultSchema ? Name : $"{Schema}.{Name}";

    /// <summary>The name quoted for a statement: <c>"schema"."name"</c>.</summary>
    public string Quoted => Identifier.Qualified(Schema, Name);

    public override string ToString() => $"{Schema}.{Name}";
}

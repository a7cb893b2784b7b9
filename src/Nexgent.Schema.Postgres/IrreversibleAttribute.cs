namespace Nexgent.Schema.Postgres;

/// <summary>
/// Marks a migration that cannot be rolled back, and says why. Its Down stays empty, <c>dotnet fm validate</c>
/// accepts that, and a rollback through it is refused with the reason instead of doing nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class IrreversibleAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

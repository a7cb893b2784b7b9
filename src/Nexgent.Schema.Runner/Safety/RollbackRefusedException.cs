namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// A rollback that stopped before its first step, because Downs of the plan would refuse to narrow columns whose
/// values would be rounded or overflow: rolling back the others first would only leave the database halfway.
/// </summary>
public sealed class RollbackRefusedException(IReadOnlyList<RollbackRefusal> refusals)
    : SchemaRunnerException(Describe(refusals))
{
    public IReadOnlyList<RollbackRefusal> Refusals { get; } = refusals;

    private static string Describe(IReadOnlyList<RollbackRefusal> refusals)
    {
        var first = refusals[0];
        return $"Nothing was rolled back: {refusals.Count} column(s) hold values that narrowing would round or overflow: {string.Join(", ", refusals)}; "
               + $"round or fix those values yourself first (for example UPDATE {first.Table} SET {first.Column} = round({first.Column}, {first.Scale})), then roll back again.";
    }
}

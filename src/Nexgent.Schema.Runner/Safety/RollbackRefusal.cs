namespace Nexgent.Schema.Runner.Safety;

/// <summary>
/// A Down that would refuse to run: it narrows <see cref="Table"/>.<see cref="Column"/> to <see cref="Type"/>, and
/// <see cref="Rows"/> rows hold values that would be rounded (more than <see cref="Scale"/> decimals) or overflow.
/// </summary>
public sealed record RollbackRefusal(long Version, string Description, string Table, string Column, string Type, int Scale, long Rows)
{
    public override string ToString() => $"{Table}.{Column} to {Type} in {Version} {Description} ({(Rows == 1 ? "1 row" : $"{Rows} rows")})";
}

namespace Nexgent.Schema.Tests.Infrastructure;

/// <summary>
/// Nexgent's versions, from its migrations assembly, and its catalog at each of them: the snapshot in Golden/catalog
/// (made from Nexgent's real history), or, for a version that has none yet, what the migrations build (the snapshot
/// check of that version fails on its own, naming the command that writes the file).
/// </summary>
public static class Golden
{
    public const long Empty = 0;

    public static MigrationsUnderTest Migrations => RoundTripTests.Nexgent;

    /// <summary>Every version of Nexgent's migrations assembly, oldest first.</summary>
    public static IReadOnlyList<long> Versions => Migrations.Versions;

    public static long Latest => Migrations.Latest;

    /// <summary>The version before <paramref name="version"/>, or 0 for the first.</summary>
    public static long Previous(long version) => Migrations.Previous(version);

    public static List<string> CatalogAt(long version)
        => Migrations.Snapshots!.TryRead(version) ?? [.. TemplateDatabases.CatalogAt(version)];
}

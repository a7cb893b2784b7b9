namespace Nexgent.Schema.Runner.Generation;

/// <summary>The table <c>import-prisma</c> ends with: a line per migration, what it creates, changes and drops, and its statements that change rows.</summary>
internal static class ImportTable
{
    public static IEnumerable<string> Lines(IReadOnlyList<ImportedMigration> migrations)
    {
        var width = Math.Max(4, migrations.Max(m => m.Prisma.Description.Length));
        yield return $"{"version",-14}  {"name".PadRight(width)}  created  changed  dropped  data statements to review";
        foreach (var m in migrations)
        {
            yield return $"{m.Prisma.Version,-14}  {m.Prisma.Description.PadRight(width)}  {Count(m, ChangeEffect.Created),7}  {Count(m, ChangeEffect.Changed),7}  {Count(m, ChangeEffect.Dropped),7}  {m.DataStatements,25}";
        }
    }

    private static int Count(ImportedMigration migration, ChangeEffect effect) => GenerationSummary.Subjects(migration.Up, effect).Count;
}

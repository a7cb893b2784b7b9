using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>One Prisma migration: its folder's name, the version and description it becomes, and its SQL.</summary>
internal sealed record PrismaSqlMigration(string Folder, long Version, string Description, string Sql);

/// <summary>
/// A Prisma migrations folder (<c>prisma/migrations</c>): a folder per migration, <c>&lt;version&gt;_&lt;name&gt;/migration.sql</c>,
/// applied in the order of the folders' names, as Prisma applies them. The 14-digit timestamp that starts the name is the
/// version, the rest the description. A folder named otherwise (<c>01_init</c>, <c>init</c>) has no version to give, and
/// the folder is refused, naming it: rename it with a timestamp that keeps Prisma's order.
/// </summary>
internal static partial class PrismaFolder
{
    public const string SqlFile = "migration.sql";

    public static IReadOnlyList<PrismaSqlMigration> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new SchemaRunnerException($"'{folder}' is not a folder; give the Prisma migrations folder (prisma/migrations), the one holding a folder per migration.");
        }

        var migrations = new List<PrismaSqlMigration>();
        foreach (var directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var sql = Path.Combine(directory, SqlFile);
            if (!File.Exists(sql))
            {
                continue;
            }

            var name = Path.GetFileName(directory);
            if (Named().Match(name) is not { Success: true } match)
            {
                throw new SchemaRunnerException(
                    $"The Prisma migration folder '{name}' does not start with a 14-digit timestamp (yyyyMMddHHmmss_name), which is what becomes its version; rename it, and any other such folder, with timestamps in the order Prisma applies them (the order of their names), then import again.");
            }

            migrations.Add(new PrismaSqlMigration(name, long.Parse(match.Groups["version"].Value), match.Groups["name"].Value, File.ReadAllText(sql)));
        }

        if (migrations.Count == 0)
        {
            throw new SchemaRunnerException($"'{folder}' holds no Prisma migration (a folder with a {SqlFile}); give the Prisma migrations folder (prisma/migrations).");
        }

        return migrations;
    }

    [GeneratedRegex(@"^(?<version>\d{14})_(?<name>.+)$")]
    private static partial Regex Named();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>One Prisma migration: its folder's name, the version and description it becomes, and its SQL.</summary>
internal sealed record PrismaSqlMigration(string Folder, long Version, string Description, string Sql);

/// <summary>
/// A Prisma migration's name (its folder's, and its <c>_prisma_migrations</c> row's), the version and description it
/// becomes, and whether the version is the timestamp the name starts with rather than one derived from its place.
/// </summary>
internal sealed record PrismaName(string Name, long Version, string Description, bool Timestamped);

/// <summary>
/// A Prisma migrations folder (<c>prisma/migrations</c>): a folder per migration holding its <c>migration.sql</c>,
/// applied in the ordinal order of the folders' names, whatever the names, as Prisma applies them. See
/// <see cref="Versions"/> for the version each becomes.
/// </summary>
internal static partial class PrismaFolder
{
    public const string SqlFile = "migration.sql";

    /// <summary>The version before the first one derived from a name's place: 1970-01-01 00:00:00.</summary>
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<PrismaSqlMigration> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new SchemaRunnerException($"'{folder}' is not a folder; give the Prisma migrations folder (prisma/migrations), the one holding a folder per migration.");
        }

        var sql = Directory.GetDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, SqlFile)))
            .ToDictionary(d => Path.GetFileName(d), d => File.ReadAllText(Path.Combine(d, SqlFile)), StringComparer.Ordinal);
        if (sql.Count == 0)
        {
            throw new SchemaRunnerException($"'{folder}' holds no Prisma migration (a folder with a {SqlFile}); give the Prisma migrations folder (prisma/migrations).");
        }

        return Versions(sql.Keys).Select(n => new PrismaSqlMigration(n.Name, n.Version, n.Description, sql[n.Name])).ToList();
    }

    /// <summary>
    /// The versions of Prisma migrations named <paramref name="names"/>, in the order Prisma applies them (the ordinal
    /// order of the names). A name that starts with a <c>yyyyMMddHHmmss_</c> timestamp later than the version before
    /// keeps it as its version, and the rest of the name as its description. Any other name (<c>0_init</c>,
    /// <c>01_init</c>, <c>init</c>, <c>00000000000000_init</c>) gets the version one second after the one before
    /// (after 1970-01-01 00:00:00 for the first), and its name without leading digits as its description: the versions
    /// keep Prisma's order, and a folder whose name sorts last adds a version without moving any other. Import and
    /// <c>baseline --from-prisma</c> both derive them so, from the folders and from <c>_prisma_migrations</c>'s rows.
    /// </summary>
    public static IReadOnlyList<PrismaName> Versions(IEnumerable<string> names)
    {
        var versions = new List<PrismaName>();
        var previous = Epoch;
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (Timestamped().Match(name) is { Success: true } match
                && DateTime.TryParseExact(match.Groups["version"].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var timestamp)
                && timestamp > previous)
            {
                versions.Add(new PrismaName(name, Version(timestamp), match.Groups["name"].Value, Timestamped: true));
                previous = timestamp;
                continue;
            }

            previous = previous.AddSeconds(1);
            var description = LeadingNumber().Replace(name, "");
            versions.Add(new PrismaName(name, Version(previous), description.Length > 0 ? description : "migration", Timestamped: false));
        }

        return versions;
    }

    private static long Version(DateTime time) => long.Parse(time.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<version>\d{14})_(?<name>.+)$")]
    private static partial Regex Timestamped();

    [GeneratedRegex(@"^[\d_\-. ]+")]
    private static partial Regex LeadingNumber();
}

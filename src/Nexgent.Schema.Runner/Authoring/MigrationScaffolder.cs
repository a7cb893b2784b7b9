using System.Globalization;
using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Authoring;

/// <summary>
/// Writes a new migration class file, <c>&lt;version&gt;_&lt;ClassName&gt;.cs</c>, versioned with the current UTC
/// time, shaped like the ones in the migration author's guide.
/// </summary>
internal static partial class MigrationScaffolder
{
    /// <summary>
    /// Writes the class into <paramref name="directory"/>, in <paramref name="namespace"/> (see <see cref="NamespaceIn"/>),
    /// and returns the file's path. With <paramref name="buildingBlocks"/> (the project references
    /// Nexgent.Schema.Postgres), the class uses them; without, it is plain FluentMigrator.
    /// </summary>
    public static string Create(string name, string directory, string @namespace, bool buildingBlocks, DateTime utcNow)
    {
        var migration = MigrationName.Parse(name);
        var version = VersionAt(directory, utcNow);
        var file = FileFor(directory, migration, version);
        File.WriteAllText(file, Template(@namespace, version, migration, buildingBlocks));
        return file;
    }

    /// <summary>
    /// The version of a migration made at <paramref name="utcNow"/>, <c>yyyyMMddHHmmss</c>, a second later while
    /// <paramref name="directory"/> has a migration of that version (two made within one second).
    /// </summary>
    public static long VersionAt(string directory, DateTime utcNow)
    {
        var taken = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.cs").Select(Path.GetFileName).ToList() : [];
        var version = Version(utcNow);
        while (taken.Any(file => file!.StartsWith($"{version}_", StringComparison.Ordinal)))
        {
            utcNow = utcNow.AddSeconds(1);
            version = Version(utcNow);
        }

        return version;
    }

    private static long Version(DateTime utc) => long.Parse(utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// Where the class of <paramref name="migration"/> goes in <paramref name="directory"/>, <c>&lt;version&gt;_&lt;ClassName&gt;.cs</c>,
    /// once it is clear that the folder exists and that no migration there has its name or version.
    /// </summary>
    public static string FileFor(string directory, MigrationName migration, long version)
    {
        if (!Directory.Exists(directory))
        {
            throw new SchemaRunnerException($"The migrations folder '{directory}' does not exist; create it or choose another folder.");
        }

        var existing = Directory.GetFiles(directory, "*.cs");
        if (existing.FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).EndsWith("_" + migration.ClassName, StringComparison.Ordinal)
                                         || File.ReadAllText(f).Contains($"\"{migration.Description}\")]", StringComparison.Ordinal)) is { } clash)
        {
            throw new SchemaRunnerException($"A migration named {migration.Description} already exists ({Path.GetFileName(clash)}); choose another name.");
        }

        if (existing.FirstOrDefault(f => Path.GetFileName(f).StartsWith($"{version}_", StringComparison.Ordinal)) is { } sameVersion)
        {
            throw new SchemaRunnerException($"Version {version} is already taken by {Path.GetFileName(sameVersion)}; wait a second and run again.");
        }

        return Path.Combine(directory, $"{version}_{migration.ClassName}.cs");
    }

    /// <summary>
    /// The namespace of the migrations already in <paramref name="directory"/>, else <paramref name="defaultNamespace"/>
    /// (see <see cref="CSharpNamespace"/>).
    /// </summary>
    public static string NamespaceIn(string directory, string defaultNamespace)
        => Directory.Exists(directory) ? NamespaceOf(Directory.GetFiles(directory, "*.cs")) ?? defaultNamespace : defaultNamespace;

    private static string? NamespaceOf(string[] existingFiles)
        => existingFiles.Select(f => NamespaceDeclaration().Match(File.ReadAllText(f))).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    private static string Template(string @namespace, long version, MigrationName name, bool buildingBlocks) => $$"""
        using FluentMigrator;
        {{(buildingBlocks ? "using Nexgent.Schema.Postgres;\n" : "")}}
        namespace {{@namespace}};

        {{(buildingBlocks ? DataLossComment : "")}}[Migration({{version}}, "{{name.Description}}")]
        public sealed class {{name.ClassName}} : Migration
        {
            public override void Up()
            {
                // For example:
                // Alter.Table("orders").AddColumn("shipped_at").AsDateTimeOffset().Nullable();
            }

            public override void Down()
            {
                // Undo Up exactly, in reverse order:
                // Delete.Column("shipped_at").FromTable("orders");
            }
        }

        """;

    private const string DataLossComment = """
        // Declare what Down (or Up) destroys, if anything, so that `dotnet fm` warns before running it:
        // [LosesData(MigrationDirection.Down, "the column orders.shipped_at is dropped with its values.")]

        """;

    /// <summary>A namespace declaration, file-scoped or with a block.</summary>
    [GeneratedRegex(@"^\s*namespace\s+([@\w.]+)\s*[;{\r\n]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}

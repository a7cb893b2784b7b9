using System.Globalization;
using System.Runtime.CompilerServices;

namespace Nexgent.Schema.Testing;

/// <summary>What a snapshot check does with a missing or different snapshot.</summary>
public enum SnapshotMode
{
    /// <summary>Fail, saying what differs and what command writes the snapshot (the default, and the only mode on CI).</summary>
    Verify,

    /// <summary>Write the snapshot from the database into the source folder, for a person to review and commit.</summary>
    Write,
}

/// <summary>
/// The catalog after each version, kept as files <c>&lt;folder&gt;/&lt;version&gt;.txt</c> (the output of <see cref="Catalog"/>,
/// one line a fact) in the test project's source folder and committed, the approval way: a missing snapshot fails with the
/// command that writes it (<c>SCHEMA_SNAPSHOTS=write dotnet test ...</c>), a different one fails with the lines that differ.
/// Snapshots are never written when the <c>CI</c> variable says the run is on CI.
/// </summary>
public sealed class CatalogSnapshots
{
    /// <summary>The environment variable that turns writing on: <c>SCHEMA_SNAPSHOTS=write</c>.</summary>
    public const string ModeVariable = "SCHEMA_SNAPSHOTS";

    /// <summary>The environment variable CI services set (<c>CI=true</c>); writing is refused when it is set.</summary>
    public const string CiVariable = "CI";

    private readonly string? sourceFile;
    private readonly SnapshotMode mode;
    private readonly string? modeProblem;

    /// <summary>
    /// Snapshots in <paramref name="folder"/>: an absolute path, or one relative to the folder of the source file that
    /// calls this constructor (<see cref="CallerFilePathAttribute"/>), so that <c>"Snapshots"</c> is the folder beside
    /// the test class, in the source tree, where a written snapshot can be reviewed and committed.
    /// </summary>
    public CatalogSnapshots(string folder, [CallerFilePath] string sourceFile = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (Path.IsPathRooted(folder))
        {
            Folder = Path.GetFullPath(folder);
        }
        else
        {
            this.sourceFile = sourceFile;
            Folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile) ?? "", folder));
        }

        var value = Environment.GetEnvironmentVariable(ModeVariable)?.Trim();
        (this.mode, modeProblem) = value?.ToLowerInvariant() switch
        {
            null or "" or "verify" => (SnapshotMode.Verify, null),
            "write" => (SnapshotMode.Write, (string?)null),
            _ => (SnapshotMode.Verify, $"{ModeVariable}={value} is not a mode; set {ModeVariable}=write to write snapshots, or leave it unset to compare them."),
        };
        OnCi = Environment.GetEnvironmentVariable(CiVariable) is { Length: > 0 } ci
               && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";
    }

    /// <summary>The folder of the snapshot files, absolute.</summary>
    public string Folder { get; }

    /// <summary>Compare or write; from <c>SCHEMA_SNAPSHOTS</c> unless set here.</summary>
    public SnapshotMode Mode
    {
        get => mode;
        init
        {
            mode = value;
            modeProblem = null;
        }
    }

    /// <summary>Whether the run is on CI, where writing is refused; from <c>CI</c> unless set here.</summary>
    public bool OnCi { get; init; }

    /// <summary>The name of the snapshot file of <paramref name="version"/>: the version in digits, <c>.txt</c>.</summary>
    internal static string FileName(long version) => version.ToString(CultureInfo.InvariantCulture) + ".txt";

    /// <summary>The lines of a snapshot file's text: one fact a line, any line ending, blank lines ignored.</summary>
    internal static List<string> Parse(string text)
        => text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();

    /// <summary>The text of a snapshot file: each line ended by <c>\n</c> (an empty catalog is an empty file).</summary>
    internal static string Render(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));

    public string PathOf(long version) => Path.Combine(Folder, FileName(version));

    /// <summary>The snapshot of <paramref name="version"/>, or null when there is none.</summary>
    public List<string>? TryRead(long version)
        => File.Exists(PathOf(version)) ? Parse(File.ReadAllText(PathOf(version))) : null;

    /// <summary>
    /// Checks that <paramref name="catalog"/> (a catalog read with column order) is the snapshot of <paramref name="version"/>.
    /// Verifying, a missing or different snapshot throws <see cref="MigrationCheckException"/>; writing, it is written.
    /// <paramref name="description"/> (the migration's) goes into messages beside the version.
    /// </summary>
    public void Check(long version, IReadOnlyList<string> catalog, string? description = null)
    {
        if (modeProblem is not null)
        {
            throw new MigrationCheckException(version, modeProblem);
        }

        if (Mode == SnapshotMode.Write && OnCi)
        {
            throw new MigrationCheckException(version,
                $"{ModeVariable}=write is refused on CI ({CiVariable} is set): a snapshot is written on a developer's machine, reviewed and committed; CI only compares.");
        }

        RequireSourceFolder(version);
        var path = PathOf(version);
        var name = description is { Length: > 0 } ? $"{version} {description}" : version.ToString(CultureInfo.InvariantCulture);
        var snapshot = TryRead(version);
        if (snapshot is null)
        {
            if (Mode == SnapshotMode.Write)
            {
                Write(path, catalog);
                return;
            }

            throw new MigrationCheckException(version,
                $"No snapshot of the catalog at {name}: {Shown(path)} does not exist.\n"
                + $"Write it from the database the migrations build, then read it and commit it{FromRoot()}:\n"
                + $"  {WriteCommand(version)}");
        }

        var diff = CatalogDiff.Compare(snapshot, catalog, ordered: true);
        if (diff.IsEmpty)
        {
            return;
        }

        if (Mode == SnapshotMode.Write)
        {
            Write(path, catalog);
            return;
        }

        throw new MigrationCheckException(version,
            $"The catalog at {name} is not its snapshot {Shown(path)}:\n"
            + diff.Describe("the snapshot", "the database") + "\n"
            + $"If the database is right (a migration changed before it shipped), rewrite the snapshot and review the change (git diff){FromRoot()}:\n"
            + $"  {WriteCommand(version)}");
    }

    /// <summary>The command that writes the snapshot of <paramref name="version"/>, to run from <see cref="RepositoryRoot"/> when there is one.</summary>
    public string WriteCommand(long version)
    {
        var project = Ancestors(Folder).FirstOrDefault(d => Directory.EnumerateFiles(d, "*.*proj").Any());
        var target = project is null ? "" : " " + Shown(project);
        return $"{ModeVariable}=write dotnet test{target} --filter \"FullyQualifiedName~{version.ToString(CultureInfo.InvariantCulture)}\"";
    }

    /// <summary>
    /// Where the commands of messages run from: the checkout the snapshot folder is in (the first folder above it holding
    /// <c>.git</c>), else the nearest folder above it holding a solution file; null when there is neither.
    /// </summary>
    public string? RepositoryRoot
        => Ancestors(Folder).FirstOrDefault(d => Directory.Exists(Path.Combine(d, ".git")) || File.Exists(Path.Combine(d, ".git")))
           ?? Ancestors(Folder).FirstOrDefault(d => Directory.EnumerateFiles(d, "*.sln").Any() || Directory.EnumerateFiles(d, "*.slnx").Any());

    private static void Write(string path, IReadOnlyList<string> catalog)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Render(catalog));
    }

    private void RequireSourceFolder(long version)
    {
        if (sourceFile is null)
        {
            return; // an absolute folder
        }

        if (sourceFile.Length == 0)
        {
            throw new MigrationCheckException(version,
                $"The snapshot folder {Folder} is relative, and no source file was named to find it from; give it as an absolute path.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(sourceFile)))
        {
            throw new MigrationCheckException(version,
                $"The snapshot folder {Folder} was worked out from the source file the compiler named ({sourceFile}), which is not on this machine "
                + "(the tests were built elsewhere, or with PathMap or ContinuousIntegrationBuild); give the snapshot folder as an absolute path.");
        }
    }

    private string FromRoot() => RepositoryRoot is { } root ? $"; from {root}" : "";

    private string Shown(string path)
        => RepositoryRoot is { } root && Path.GetRelativePath(root, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal)
            ? relative.Replace('\\', '/')
            : path;

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists)
            {
                yield return dir.FullName;
            }
        }
    }
}

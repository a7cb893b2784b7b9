using System.Text.Json;
using Nexgent.Schema.Runner.Authoring;

namespace Nexgent.Schema.Cli.Loading;

/// <summary>Where <c>new</c> and <c>import-prisma</c> write: the folder, the namespace, and whether the classes may use Nexgent.Schema.Postgres.</summary>
internal sealed record WriteDestination(string Folder, string Namespace, bool BuildingBlocks);

/// <summary>
/// The project that holds the migrations, found and built the way <c>dotnet ef</c> finds and builds one: so that
/// the migration just edited is the one that runs, with no pack or install in between.
/// </summary>
internal sealed class MigrationsProject
{
    /// <summary>The author's loop builds what a debugger can step through.</summary>
    private const string DevelopmentConfiguration = "Debug";

    private static readonly System.Text.RegularExpressions.Regex MigrationFile = new(@"^\d{14}_\w+\.cs$");

    private readonly ToolSettings? settings;

    private MigrationsProject(string file, ToolSettings? settings)
    {
        File = file;
        this.settings = settings;
    }

    /// <summary>The project file (.csproj).</summary>
    public string File { get; }

    public string Directory => Path.GetDirectoryName(File)!;

    /// <summary>
    /// The project <paramref name="option"/> names (a .csproj or its folder), else the one the checkout's
    /// <c>.config/dotnet-fm.json</c> names, else the only project in <paramref name="workingDirectory"/>.
    /// </summary>
    public static MigrationsProject Locate(string? option, string workingDirectory)
    {
        var settings = ToolSettings.Find(workingDirectory);
        if (option is not null)
        {
            return new MigrationsProject(ProjectFile(Path.GetFullPath(option, workingDirectory), "--project"), settings);
        }

        if (settings?.Project is { } named)
        {
            return new MigrationsProject(ProjectFile(Path.GetFullPath(named, settings.Root), Path.Combine(settings.Root, ToolSettings.RelativePath)), settings);
        }

        var here = System.IO.Directory.GetFiles(workingDirectory, "*.csproj");
        return here.Length == 1
            ? new MigrationsProject(here[0], settings)
            : throw new CliException(
                $"No migrations to run: {(here.Length == 0 ? "there is no project here" : "there are several projects here")}; pass --project PATH (a .csproj or its folder) or -a FILE.dll, or name the project in {ToolSettings.RelativePath}.");
    }

    /// <summary>
    /// Where <c>new</c> and <c>import-prisma</c> write classes, in which namespace, and whether the classes may use
    /// Nexgent.Schema.Postgres: the folder given with -d (in the project of --project or of the working directory, when
    /// there is one), else the migrations folder of the project --project names or that is found.
    /// </summary>
    public static WriteDestination WriteDestinationOf(string? projectOption, string? directory, string workingDirectory)
    {
        var project = directory is null || projectOption is not null ? Locate(projectOption, workingDirectory) : TryLocate(workingDirectory);
        var folder = directory is not null ? Path.GetFullPath(directory) : project!.MigrationsFolder();
        if (project is null)
        {
            return new WriteDestination(folder, MigrationScaffolder.NamespaceIn(folder, CSharpNamespace.From([Path.GetFileName(folder)])), BuildingBlocks: true);
        }

        var (rootNamespace, buildingBlocks) = project.Evaluate();
        var folders = Path.GetRelativePath(project.Directory, folder).Split(Path.DirectorySeparatorChar).Where(part => part != ".");
        return new WriteDestination(folder, MigrationScaffolder.NamespaceIn(folder, CSharpNamespace.From([rootNamespace, .. folders])), buildingBlocks);
    }

    /// <summary>The project <see cref="Locate"/> would find without --project, or null when there is none.</summary>
    public static MigrationsProject? TryLocate(string workingDirectory)
    {
        try
        {
            return Locate(option: null, workingDirectory);
        }
        catch (CliException)
        {
            return null;
        }
    }

    /// <summary>
    /// Where <c>dotnet fm new</c> writes: the folder the settings name, else the one holding most migration
    /// files (<c>&lt;version&gt;_&lt;Name&gt;.cs</c>), else the project's own folder.
    /// </summary>
    public string MigrationsFolder()
    {
        if (settings?.MigrationsFolder is { } folder)
        {
            return Path.GetFullPath(folder, Directory);
        }

        return System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
                   .Where(f => !IsBuildOutput(f) && MigrationFile.IsMatch(Path.GetFileName(f)))
                   .GroupBy(Path.GetDirectoryName)
                   .OrderByDescending(g => g.Count())
                   .Select(g => g.Key)
                   .FirstOrDefault()
               ?? Directory;
    }

    /// <summary>
    /// The project's root namespace and whether it references Nexgent.Schema.Postgres (package, project or assembly),
    /// as MSBuild evaluates it: an explicit &lt;RootNamespace&gt;, or one from a Directory.Build.props, counts.
    /// </summary>
    private (string RootNamespace, bool BuildingBlocks) Evaluate()
    {
        string[] references = ["PackageReference", "ProjectReference", "Reference"];
        var (exitCode, output) = Dotnet(["msbuild", File, "-nologo", "-getProperty:RootNamespace", .. references.Select(r => $"-getItem:{r}")]);
        if (exitCode != 0)
        {
            Console.Error.Write(output);
            throw new CliException($"MSBuild could not read the migrations project {Relative(File)}; fix the errors above and run again.");
        }

        var evaluated = JsonDocument.Parse(output[output.IndexOf('{')..(output.LastIndexOf('}') + 1)]).RootElement; // without any warning MSBuild printed
        var items = evaluated.GetProperty("Items");
        var buildingBlocks = references.SelectMany(r => items.GetProperty(r).EnumerateArray())
            .Any(item => item.GetProperty("Identity").GetString()!.Contains("Nexgent.Schema.Postgres", StringComparison.OrdinalIgnoreCase));
        return (evaluated.GetProperty("Properties").GetProperty("RootNamespace").GetString()!, buildingBlocks);
    }

    /// <summary>
    /// Builds the project (incrementally; silent when it succeeds, the compiler's errors as they are when it
    /// fails) and returns the path of its assembly. With <paramref name="build"/> false, only asks where it is.
    /// </summary>
    public string BuildAssembly(bool build) => BuildAssembly(build, DevelopmentConfiguration, []);

    /// <summary>
    /// <see cref="BuildAssembly(bool)"/> for a bundle: the Release build, with the packages the migrations use copied
    /// beside their assembly (a class library leaves them in the NuGet cache), where the bundle takes them from.
    /// </summary>
    public string BuildAssemblyForBundle(bool build) => BuildAssembly(build, "Release", ["-p:CopyLocalLockFileAssemblies=true"]);

    private string BuildAssembly(bool build, string configuration, IEnumerable<string> properties)
    {
        var arguments = new List<string> { build ? "build" : "msbuild", File, "-getProperty:TargetPath", "-nologo", "-v:q", $"-p:Configuration={configuration}" };
        arguments.AddRange(properties);
        if (build)
        {
            arguments.Add("-t:Build");
            if (IsRestored())
            {
                arguments.Add("--no-restore"); // saves the restore check, about half a second of every run
            }
        }

        var (exitCode, output) = Dotnet(arguments);
        if (exitCode != 0 && arguments.Remove("--no-restore"))
        {
            (exitCode, output) = Dotnet(arguments); // a package added since the last restore
        }

        if (exitCode != 0)
        {
            Console.Error.Write(output);
            throw new CliException($"The migrations project {Relative(File)} did not build; fix the errors above and run again.");
        }

        var assembly = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        if (!System.IO.File.Exists(assembly))
        {
            throw new CliException(build
                ? $"Building {Relative(File)} produced no assembly at '{assembly}'; check that it is a class library."
                : $"{Relative(File)} is not built yet ({Relative(assembly)} is missing); run without --no-build.");
        }

        return assembly;
    }

    private static bool IsBuildOutput(string file)
        => file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}");

    private bool IsRestored()
    {
        var assets = new FileInfo(Path.Combine(Directory, "obj", "project.assets.json"));
        return assets.Exists && assets.LastWriteTimeUtc >= System.IO.File.GetLastWriteTimeUtc(File);
    }

    private static string ProjectFile(string path, string source)
    {
        if (System.IO.File.Exists(path) && path.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var projects = System.IO.Directory.Exists(path) ? System.IO.Directory.GetFiles(path, "*.csproj") : [];
        return projects.Length == 1
            ? projects[0]
            : throw new CliException($"'{Relative(path)}' (from {source}) is not a project file or a folder with exactly one .csproj; give the path of the migrations project.");
    }

    private static (int ExitCode, string Output) Dotnet(IEnumerable<string> arguments)
        => DotnetCli.Run(arguments, "dotnet could not be started to build the migrations project; check that the .NET SDK is installed.");

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);
}

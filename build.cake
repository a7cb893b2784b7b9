// Build, test, pack and run Nexgent.Schema. `dotnet tool restore` first, then `dotnet cake --target=<Target>`.
//   Clean    removes build outputs and the local tool feed
//   Restore  restores NuGet packages
//   Build    builds the solution (Release)
//   Test     runs every test against a real PostgreSQL (see README: DATABASE_TEST_URL, Docker, or installed binaries),
//            and tests/SampleConsumer, another team's tests, on the packages Pack makes
//   Pack     packs every packable project of the solution under src/ into tools/.local/feed (one version for all) and
//            installs the tool from there into a local tool manifest, so `dotnet fm` runs what was packed. The tool is
//            one portable package, quick to pack; with --release, the packages to publish: the tool as one package
//            per platform compiled ahead of time (ReadyToRun) plus a portable fallback, and assemblies versioned
//            with the packages. --package-version=V replaces the dev version 1.0.0-dev.<UTC timestamp>.
//   Migrate  runs `dotnet fm migrate` and `dotnet fm list migrations` against DATABASE_URL, or against a local
//            development PostgreSQL in tools/.local/pg (started from the installed binaries) when it is not set
//   Bundle   writes tools/.local/bundle/nexgent-migrate with the tool Pack installs (`dotnet fm bundle`): Nexgent's
//            migrations and dotnet fm in one executable that runs with no .NET installed; --runtime=RID for another
//            platform (linux-arm64, win-x64...) than this machine's

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var release = HasArgument("release");
// A new version on every pack: the SDK caches a tool package by version, so reusing one would run stale code.
var packageVersion = Argument("package-version", $"1.0.0-dev.{DateTime.UtcNow:yyyyMMddHHmmss}");

var solution = File("./Nexgent.Schema.sln");
var sampleConsumer = "./tests/SampleConsumer/Library.Migrations.Tests/Library.Migrations.Tests.csproj";
const string ToolPackageId = "Nexgent.Schema.Tool";
var local = MakeAbsolute(Directory("./tools/.local"));
var feed = local.Combine("feed");
// The SDK finds tools in .config/dotnet-tools.json and in dotnet-tools.json beside it; the committed one holds Cake,
// this git-ignored one the freshly packed tool, so packing never changes a tracked file.
var toolManifest = File("./dotnet-tools.json");
var devServer = new DevServer(Context, local.Combine("pg"));

Task("Clean").Does(() =>
{
    CleanDirectories("./src/**/bin");
    CleanDirectories("./src/**/obj");
    CleanDirectories("./tests/**/bin");
    CleanDirectories("./tests/**/obj");
    if (DirectoryExists(feed)) DeleteDirectory(feed, new DeleteDirectorySettings { Recursive = true, Force = true });
});

Task("Restore").Does(() => DotNetRestore(solution.Path.FullPath));

Task("Build").IsDependentOn("Restore").Does(() =>
    DotNetBuild(solution.Path.FullPath, new DotNetBuildSettings { Configuration = configuration, NoRestore = true }));

Task("Test").IsDependentOn("Build").IsDependentOn("Pack").Does(() =>
{
    DotNetTest(solution.Path.FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        Loggers = { "console;verbosity=normal" },
    });

    // Another team's project, outside the solution: its migrations and tests get Nexgent.Schema's packages from the feed
    // Pack has just written, and nothing else of this checkout.
    DotNetTest(sampleConsumer, new DotNetTestSettings
    {
        Configuration = configuration,
        Loggers = { "console;verbosity=normal" },
    });
});

Task("Pack").IsDependentOn("Restore").Does(() =>
{
    if (DirectoryExists(feed)) DeleteDirectory(feed, new DeleteDirectorySettings { Recursive = true, Force = true });

    // One `dotnet pack` of a solution filter holding the solution's projects under src/: they build side by side, and
    // a project added there (and to the solution) is packed with the others; the tests' projects are never built.
    var projects = ParseSolution(solution).Projects
        .Where(p => p.Path.GetExtension() == ".csproj")
        .Select(p => MakeAbsolute(Directory(".")).GetRelativePath(p.Path).FullPath)
        .Where(p => p.StartsWith("src/"))
        .OrderBy(p => p)
        .ToList();
    var filter = local.CombineWithFilePath("pack.slnf");
    EnsureDirectoryExists(local);
    System.IO.File.WriteAllText(filter.FullPath, System.Text.Json.JsonSerializer.Serialize(new
    {
        solution = new { path = System.IO.Path.GetRelativePath(local.FullPath, MakeAbsolute(solution).FullPath), projects },
    }));

    var properties = new DotNetMSBuildSettings();
    if (release)
    {
        // The tool for every platform (see src/Nexgent.Schema.Cli's csproj); the assemblies carry the version too.
        properties.WithProperty("PackAllPlatforms", "true").WithProperty("Version", packageVersion);
    }
    else
    {
        // Only the packages' version: the assemblies stay as Build made them, so a pack after a build (or another pack)
        // compiles nothing again, and a build after a pack neither.
        properties.WithProperty("PackageVersion", packageVersion);
    }

    DotNetPack(filter.FullPath, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = feed,
        // The release pack restores the tool for every platform itself; the everyday one uses Restore's assets.
        NoRestore = !release,
        MSBuildSettings = properties,
    });

    // A fresh manifest every time: it holds only the tool, whatever an older pack (or package id) left in it.
    System.IO.File.WriteAllText(toolManifest.Path.FullPath, "{ \"version\": 1, \"isRoot\": false, \"tools\": {} }");
    Run("dotnet", "tool", "install", ToolPackageId, "--local", "--tool-manifest", toolManifest.Path.FullPath,
        "--add-source", feed.FullPath, "--version", packageVersion);

    foreach (var package in GetFiles(feed.FullPath + "/*.*nupkg").OrderBy(f => f.FullPath)) Information(package.GetFilename().FullPath);
    Information($"{ToolPackageId} {packageVersion} (command dotnet-fm) is in {toolManifest.Path.FullPath}; run `dotnet fm --help`.");
});

Task("Migrate").IsDependentOn("Pack").Does(() =>
{
    var url = EnvironmentVariable("DATABASE_URL");
    if (string.IsNullOrEmpty(url))
    {
        url = devServer.EnsureRunning("nexgent");
        Information($"DATABASE_URL is not set: using the development PostgreSQL in {devServer.Root}.");
        Information($"To point dotnet fm at it: export DATABASE_URL=\"{url}\"  (also in {devServer.Root}/url)");
    }

    var environment = new Dictionary<string, string> { ["DATABASE_URL"] = url };
    Run(environment, "dotnet", "fm", "migrate");
    // migrate has just built the migrations project; the list needs no second look at it.
    Run(environment, "dotnet", "fm", "list", "migrations", "--no-build");
});

Task("Bundle").IsDependentOn("Pack").Does(() =>
{
    var runtime = Argument("runtime", "");
    var bundle = local.Combine("bundle").CombineWithFilePath(runtime.StartsWith("win-") ? "nexgent-migrate.exe" : "nexgent-migrate");
    var arguments = new List<string> { "fm", "bundle", "-o", bundle.FullPath, "--force" };
    if (runtime != "") arguments.AddRange(new[] { "-r", runtime });
    Run("dotnet", arguments.ToArray());
});

Task("StopDevDatabase").Does(() => devServer.Stop());

RunTarget(target);

void Run(string program, params string[] arguments) => Run(new Dictionary<string, string>(), program, arguments);

void Run(IDictionary<string, string> environment, string program, params string[] arguments)
{
    var builder = new ProcessArgumentBuilder();
    foreach (var argument in arguments) builder.AppendQuoted(argument);
    var exitCode = StartProcess(program, new ProcessSettings { Arguments = builder, EnvironmentVariables = environment });
    if (exitCode != 0) throw new CakeException(exitCode, $"{program} {string.Join(" ", arguments)} exited with {exitCode}.");
}

/// <summary>
/// A PostgreSQL cluster for development, kept between runs in a git-ignored folder and started from the
/// installed server binaries; as root it runs as the postgres OS user, since PostgreSQL refuses root.
/// </summary>
class DevServer
{
    private const int PreferredPort = 54329;

    private readonly ICakeContext context;
    private int port;

    public DevServer(ICakeContext context, DirectoryPath root)
    {
        this.context = context;
        Root = root.FullPath;
    }

    public string Root { get; }

    private string Data => System.IO.Path.Combine(Root, "data");

    private string RunAs => System.Environment.UserName == "root" ? "postgres" : null;

    /// <summary>Starts the cluster when it is not running, creates the database, and returns its URL.</summary>
    public string EnsureRunning(string database)
    {
        if (!System.IO.File.Exists(System.IO.Path.Combine(Data, "PG_VERSION")))
        {
            System.IO.Directory.CreateDirectory(Root);
            if (RunAs != null) Exec("chown", RunAs, Root);
            Pg("initdb", "-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8");
        }

        // The port is chosen once per checkout and kept, so two checkouts on one machine do not collide; when another
        // program has taken it since, the server starts on a free one, kept from then on.
        var portFile = System.IO.Path.Combine(Root, "port");
        if (!System.IO.File.Exists(portFile)) System.IO.File.WriteAllText(portFile, FreePort().ToString());
        port = int.Parse(System.IO.File.ReadAllText(portFile).Trim());

        if (Pg("pg_ctl", "-D", Data, "status") != 0)
        {
            if (!IsFree(port))
            {
                port = FreePort();
                System.IO.File.WriteAllText(portFile, port.ToString());
            }

            var log = System.IO.Path.Combine(Root, "server.log");
            if (Pg("pg_ctl", "-D", Data, "-l", log, "-w", "-o", $"-p {port} -k {Root} -c listen_addresses=127.0.0.1", "start") != 0)
            {
                throw new Exception($"The development PostgreSQL in {Root} did not start; its log, {log}, says why.");
            }
        }

        // A probe: its "database does not exist" on a fresh machine is the expected answer, not an error to show.
        var exists = Pg(quiet: true, "psql", "-h", "127.0.0.1", "-p", port.ToString(), "-U", "postgres", "-d", database, "-c", "SELECT 1") == 0;
        if (!exists) Pg("createdb", "-h", "127.0.0.1", "-p", port.ToString(), "-U", "postgres", database);
        var url = $"postgresql://postgres@127.0.0.1:{port}/{database}?schema=public";
        System.IO.File.WriteAllText(System.IO.Path.Combine(Root, "url"), url);
        return url;
    }

    public void Stop()
    {
        if (System.IO.File.Exists(System.IO.Path.Combine(Data, "postmaster.pid"))) Pg("pg_ctl", "-D", Data, "-w", "stop");
    }

    private static int FreePort()
    {
        for (var candidate = PreferredPort; candidate < PreferredPort + 100; candidate++)
        {
            if (IsFree(candidate)) return candidate;
        }

        throw new Exception($"No free port between {PreferredPort} and {PreferredPort + 99} for the development PostgreSQL.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private int Pg(string tool, params string[] arguments) => Pg(quiet: false, tool, arguments);

    private int Pg(bool quiet, string tool, params string[] arguments)
    {
        var program = System.IO.Path.Combine(BinDirectory(), tool);
        return RunAs == null ? Exec(quiet, program, arguments) : Exec(quiet, "runuser", new[] { "-u", RunAs, "--", program }.Concat(arguments).ToArray());
    }

    private int Exec(string program, params string[] arguments) => Exec(quiet: false, program, arguments);

    private int Exec(bool quiet, string program, params string[] arguments)
    {
        var builder = new ProcessArgumentBuilder();
        foreach (var argument in arguments) builder.AppendQuoted(argument);
        return context.StartProcess(program, new ProcessSettings { Arguments = builder, Silent = quiet, RedirectStandardError = quiet, RedirectStandardOutput = quiet });
    }

    private static string BinDirectory()
    {
        var debian = "/usr/lib/postgresql";
        var installed = System.IO.Directory.Exists(debian)
            ? System.IO.Directory.GetDirectories(debian).Select(d => System.IO.Path.Combine(d, "bin"))
                .Where(d => System.IO.File.Exists(System.IO.Path.Combine(d, "initdb")))
                .OrderByDescending(d => d).FirstOrDefault()
            : null;
        return installed ?? throw new Exception("No PostgreSQL server binaries found; install them (apt-get install postgresql-15) or set DATABASE_URL.");
    }
}

using System.CommandLine;
using Nexgent.Schema.Cli.Loading;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Authoring;
using Nexgent.Schema.Runner.Generation;

namespace Nexgent.Schema.Cli.Commands;

/// <summary>
/// <c>import-prisma &lt;folder&gt;</c>: a class per Prisma migration, generated from what its SQL does on a scratch
/// database and proven, written into the migrations project.
/// </summary>
internal sealed class ImportPrismaCommand : Command
{
    private readonly Argument<string> folder = new("folder")
    {
        Description = "The Prisma migrations folder (prisma/migrations): a folder per migration, <name>/migration.sql, taken in the order of their names as Prisma takes them. A name starting with a yyyyMMddHHmmss_ timestamp keeps it as its version; any other (0_init, 01_init) gets one a second after the migration before it, from 1970-01-01 00:00:00.",
    };

    private readonly Option<string?> directory = new("--directory", "-d")
    {
        Description = "The folder to write the classes into. Default: the migrations project's folder of migrations (see --project).",
    };

    public ImportPrismaCommand(SharedOptions options)
        : base("import-prisma", "Write a migration class for each Prisma migration of a folder, generated from what its SQL does on scratch databases made on the server of -c (or DATABASE_URL), which are dropped after; each is proven up and down first.")
    {
        Arguments.Add(folder);
        options.AddTo(this, [options.Connection, options.Project, directory]);
        SetAction((parsed, cancellation) => CommandExecution.GuardedCancellable(parsed, options, cancellation, token => Import(parsed, options, token)));
    }

    private int Import(ParseResult parsed, SharedOptions options, CancellationToken cancellation)
    {
        var migrations = PrismaFolder.Read(Path.GetFullPath(parsed.GetValue(folder)!));
        var destination = MigrationsProject.WriteDestinationOf(parsed.GetValue(options.Project), parsed.GetValue(directory), Environment.CurrentDirectory);
        var (target, @namespace) = (destination.Folder, destination.Namespace);
        var files = migrations.Select(m => MigrationScaffolder.FileFor(target, MigrationName.Parse(m.Description), m.Version)).ToList();
        var url = parsed.GetValue(options.Connection) ?? Environment.GetEnvironmentVariable(RunnerFactory.ConnectionVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new CliException($"import-prisma builds scratch databases to read what each migration does; give it a PostgreSQL server with -c \"postgresql://user:password@host:5432/database\" or {RunnerFactory.ConnectionVariable} (a user that may create databases; that database is not changed).");
        }

        var server = DatabaseConnection.Parse(url);
        Console.WriteLine($"Importing {migrations.Count} Prisma migration(s), on scratch databases beside {server.Describe()}:");
        var imported = PrismaImporter.Import(server, migrations, @namespace, new RoslynMigrationCompiler(),
            m => Console.WriteLine($"  {m.Prisma.Folder}: proven up and down"), cancellation);

        foreach (var (migration, file) in imported.Zip(files))
        {
            var path = Path.Combine(Path.GetDirectoryName(file)!, $"{migration.Prisma.Version}_{migration.Name.ClassName}.cs");
            File.WriteAllText(path, migration.Source);
        }

        Console.WriteLine();
        foreach (var line in ImportTable.Lines(imported))
        {
            Console.WriteLine(line);
        }

        var reviews = imported.Sum(m => m.Source.Split('\n').Count(l => l.TrimStart().StartsWith(MigrationWriter.Review, StringComparison.Ordinal)));
        Console.WriteLine();
        Console.WriteLine($"Wrote {imported.Count} class(es) into {Path.GetRelativePath(Environment.CurrentDirectory, target)}; read them, {reviews} step(s) marked {MigrationWriter.Review} first.");
        Console.WriteLine("A database Prisma migrated records them with `dotnet fm baseline --from-prisma`; a new one gets them with `dotnet fm migrate`.");
        return ExitCodes.Success;
    }
}

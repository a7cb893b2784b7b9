using Nexgent.Schema.Cli.Loading;
using Nexgent.Schema.Runner;
using Nexgent.Schema.Runner.Safety;

namespace Nexgent.Schema.Cli;

/// <summary>
/// The one place that turns a failure into what a person at the command line sees: one sentence that names
/// dotnet fm's own verbs and options where the runner's message can only say what to do in general, and the exit code.
/// </summary>
internal static class Failures
{
    public static (string Sentence, int ExitCode) Describe(Exception failure) => failure switch
    {
        DataLossRefusedException refused => (
            $"{refused.Summary} Back up the database (--backup FILE) and run again with --accept-data-loss to apply them.",
            ExitCodes.DataLossRefused),
        MigrationLockTimeoutException timeout => (
            $"Another runner has held the migration lock on {timeout.Database} for more than {timeout.Waited.TotalSeconds:0} s; wait for it to finish, or raise --lock-wait.",
            ExitCodes.Failure),
        MigrationLockLostException lost => (
            $"{lost.Message.TrimEnd('.')}; check `{FmCommandLine.Invocation} status` before running again.",
            ExitCodes.Failure),
        DirtyDatabaseException dirty => (
            $"Migration {dirty.Migration} cannot run in a transaction and {dirty.What}, so part of it may be in {dirty.Database}; repair the database by hand, then run `{FmCommandLine.Invocation} resolve --rolled-back {dirty.Version}` (undone) or `{FmCommandLine.Invocation} resolve --applied {dirty.Version}` (completed).",
            ExitCodes.Failure),
        BreakingChangeRefusedException breaking => (
            $"{breaking.Summary}; run again with --allow-breaking-changes (-b) to apply {(breaking.Breaking.Count == 1 ? "it" : "them")}. Nothing was applied.",
            ExitCodes.Failure),
        SqlOutputFileException output => (
            $"Cannot write the SQL to '{output.File}' (-o): {output.Reason}; give -o a file in a folder that exists and may be written. Nothing was run.",
            ExitCodes.Failure),
        VersionOrderException order => (failure.Message, ExitCodes.ValidationFailed),
        UnknownVersionException unknown => (
            $"Version {unknown.Version} is not a migration in the assemblies (they hold {unknown.Available}); run `{FmCommandLine.Invocation} list migrations` to see them.",
            ExitCodes.Failure),
        MissingMigrationException missing => (
            $"The database records version {missing.Version} as applied, but no migration assembly contains it, so it cannot be rolled back; {(BundledMigrations.Assemblies is null ? "run with the assembly that holds it (-a)" : "build a bundle that holds it")}.",
            ExitCodes.Failure),
        UnrecordedSchemaException { MigratedByPrisma: true } unrecorded => (
            $"{unrecorded.Database} was migrated by Prisma and records no FluentMigrator version; run `{FmCommandLine.Invocation} baseline --from-prisma` first, then migrate.",
            ExitCodes.Failure),
        UnrecordedSchemaException unrecorded => (
            $"{unrecorded.Database} already holds tables but records no migration; if they are the schema at some version, record it with `{FmCommandLine.Invocation} baseline --version V` first.",
            ExitCodes.Failure),
        OperationCanceledException cancelled when cancelled.Message.StartsWith("Cancelled", StringComparison.Ordinal) => (cancelled.Message, ExitCodes.Cancelled),
        OperationCanceledException => ("Cancelled before any migration ran; nothing was changed.", ExitCodes.Cancelled),
        NoDatabaseException => (
            $"This command needs a database and none was given; pass -c \"postgresql://user:password@host:5432/database\" or set {RunnerFactory.ConnectionVariable}.",
            ExitCodes.Failure),
        SchemaRunnerException or CliException => (failure.Message, ExitCodes.Failure),
        _ => ($"Unexpected failure: {failure.Message.Split('\n')[0].TrimEnd('.')}; run again with --verbose for details.", ExitCodes.Failure),
    };
}

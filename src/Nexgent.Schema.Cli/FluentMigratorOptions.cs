using System.CommandLine;
using Nexgent.Schema.Cli.Loading;

namespace Nexgent.Schema.Cli;

/// <summary>
/// The options of FluentMigrator's own dotnet-fm that dotnet fm does not take: each is recognised and refused with one
/// sentence naming it (exit 2), never read as an assembly path or reported as an unknown argument. Hidden from the
/// help, which lists what dotnet fm does. (<c>--allowDirtyAssemblies</c>, which FluentMigrator's dotnet-fm reads and
/// ignores, is accepted and ignored the same way.)
/// </summary>
internal static class FluentMigratorOptions
{
    public static IEnumerable<Option> NotSupported()
    {
        // A bundle's command line is built after its migrations are known, and it takes no -a.
        var everyMigration = BundledMigrations.Assemblies is null
            ? "dotnet fm runs every migration of the assemblies it is given; put the migrations to run in an assembly of their own (-a)."
            : "a bundle runs every migration it holds; put the migrations to run in an assembly of their own, and bundle that.";
        yield return Refused<string>("--namespace", ["-n"], $"-n/--namespace is not supported: {everyMigration}");
        yield return Refused<bool>("--nested", [], $"--nested (of -n/--namespace) is not supported: {everyMigration}");
        yield return Refused<string>("--processor-switches", ["-s"],
            "-s/--processor-switches is not supported: give PostgreSQL's settings in the connection (-c), as URL parameters or Npgsql keywords.");
        yield return Refused<bool>("--no-connection", [],
            "--no-connection is not supported: use --preview, which prints the SQL from the version the database records and changes nothing.");
        yield return Refused<string>("--start-version", [],
            "--start-version (of --no-connection) is not supported: use --preview, which starts from the version the database records.");
        yield return Refused<string>("--working-directory", [],
            "--working-directory is not supported: run dotnet fm from the folder the paths of the migrations' SQL scripts are relative to.");
        yield return Refused<string>("--default-schema-name", [],
            "--default-schema-name is not supported: give the schema in the connection (?schema=NAME in a postgresql:// URL, or Search Path=NAME).");
        yield return Refused<string?>("--strip", [],
            "--strip is not supported: the SQL goes to PostgreSQL as the migrations write it, comments included.", optionalValue: true);
        yield return Refused<string?>("--include-untagged-migrations", [],
            "--include-untagged-migrations is not supported: untagged migrations always run, with or without --tag.", optionalValue: true);
        yield return Refused<bool>("--include-untagged-maintenances", [],
            "--include-untagged-maintenances is not supported: untagged maintenance migrations always run, with or without --tag.");
        yield return new Option<bool>("--allowDirtyAssemblies") { Hidden = true };
    }

    /// <summary>-m Migration is what dotnet fm always does; -m Session is refused; anything else is not a mode.</summary>
    public static Option<string?> TransactionModes(this Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            var mode = result.GetValueOrDefault<string?>();
            if (mode is null || mode.Equals("Migration", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            result.AddError(mode.Equals("Session", StringComparison.OrdinalIgnoreCase)
                ? "-m/--transaction-mode Session (one transaction for the whole run) is not supported: dotnet fm commits each migration in a transaction of its own, so that a failure leaves the database at the last whole version; leave out -m, or give -m Migration."
                : $"-m/--transaction-mode {mode} is not a transaction mode; give -m Migration (the default: each migration in a transaction of its own).");
        });
        return option;
    }

    private static Option<T> Refused<T>(string name, string[] aliases, string sentence, bool optionalValue = false)
    {
        var option = new Option<T>(name, aliases) { Hidden = true };
        if (optionalValue)
        {
            option.Arity = ArgumentArity.ZeroOrOne;
        }

        option.Validators.Add(result =>
        {
            if (!result.Implicit)
            {
                result.AddError(sentence);
            }
        });
        return option;
    }
}

using System.Text;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nexgent.Schema.Runner;

/// <summary>
/// Where the SQL FluentMigrator logs is shown and written: the preview's script, the statements of
/// <see cref="SchemaRunnerOptions.ShowSql"/>, and <see cref="SchemaRunnerOptions.SqlOutputFile"/>. Each sink takes only
/// FluentMigrator's own categories (the file also the runner's progress, as SQL comments), so that a line logged once is
/// shown once, and a host's own logging never lands in a script.
/// </summary>
internal static class SqlLogging
{
    private const string FluentMigratorCategory = "FluentMigrator";

    /// <summary>
    /// FluentMigrator logs each statement it runs, with a heading and a time around it, at Information, so that an
    /// application's log would hold every statement of every migration. Its categories are logged from Warning unless
    /// the application sets a level for them (<c>Logging:LogLevel:FluentMigrator</c>, <c>AddFilter</c>): this rule goes
    /// first, so that any rule given for the same category, a longer one or one for a provider, wins. The sinks here
    /// take all FluentMigrator logs, whatever the application's levels.
    /// </summary>
    public static void QuietFluentMigrator(LoggerFilterOptions filters)
    {
        filters.Rules.Insert(0, new LoggerFilterRule(providerName: null, FluentMigratorCategory, LogLevel.Warning, filter: null));
        filters.Rules.Add(new LoggerFilterRule(typeof(Filtered).FullName, FluentMigratorCategory, LogLevel.Trace, filter: null));
    }

    public static bool IsFluentMigrator(string category) => category.StartsWith("FluentMigrator.", StringComparison.Ordinal);

    public static bool IsFluentMigratorOrRunner(string category)
        => IsFluentMigrator(category) || category.StartsWith("Nexgent.Schema.Runner.", StringComparison.Ordinal);

    /// <summary>The preview's script: SQL as it is, everything else as SQL comments.</summary>
    public static ILoggerProvider Script(TextWriter writer)
        => new Filtered(new SqlScriptFluentMigratorLoggerProvider(writer, new SqlScriptFluentMigratorLoggerOptions { ShowSql = true }, disposeWriter: false), IsFluentMigrator);

    /// <summary>Each statement as it runs, with FluentMigrator's headings, as its console logger shows them.</summary>
    public static ILoggerProvider Statements(TextWriter writer) => new Filtered(new StatementLoggerProvider(writer), IsFluentMigrator);

    /// <summary>The SQL file: opened (and emptied) now, so that a path that cannot be written fails before anything runs.</summary>
    public static ILoggerProvider File(string file)
        => new Filtered(new SqlScriptFluentMigratorLoggerProvider(Open(file), new SqlScriptFluentMigratorLoggerOptions { ShowSql = true }, disposeWriter: true), IsFluentMigratorOrRunner);

    /// <summary>A file for SQL, UTF-8 without a byte-order mark, emptied; one sentence (<see cref="SqlOutputFileException"/>) when it cannot be written.</summary>
    internal static StreamWriter Open(string file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            throw new SqlOutputFileException(file, "no file name was given");
        }

        if (Directory.Exists(file))
        {
            throw new SqlOutputFileException(file, "it is a folder");
        }

        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new SqlOutputFileException(file, $"its folder {folder} does not exist");
            }

            // UTF-8 without a byte-order mark: psql, diff and shells read it as they read any script.
            return new StreamWriter(new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SqlOutputFileException(file, "writing there is not allowed", e);
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            throw new SqlOutputFileException(file, e.Message.TrimEnd('.'), e);
        }
    }

    private sealed class Filtered(ILoggerProvider inner, Func<string, bool> accepts) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => accepts(categoryName) ? inner.CreateLogger(categoryName) : NullLogger.Instance;

        public void Dispose() => inner.Dispose();
    }

    private sealed class StatementLoggerProvider(TextWriter writer) : ILoggerProvider
    {
        private readonly FluentMigratorLoggerOptions options = new() { ShowSql = true, ShowElapsedTime = true };

        public ILogger CreateLogger(string categoryName) => new FluentMigratorRunnerLogger(writer, Console.Error, options);

        public void Dispose()
        {
        }
    }
}

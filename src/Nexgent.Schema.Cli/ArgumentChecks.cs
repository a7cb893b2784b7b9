using System.CommandLine;
using System.CommandLine.Parsing;

namespace Nexgent.Schema.Cli;

/// <summary>
/// Numbers out of range are a wrong command line, found while parsing: exit 2 with one sentence, before any
/// connection is made.
/// </summary>
internal static class ArgumentChecks
{
    public static Option<int> Seconds(this Option<int> option)
    {
        option.Validators.Add(result => RequireNotNegativeSeconds(result, Value<int>(result)));
        return option;
    }

    public static Option<int?> Seconds(this Option<int?> option)
    {
        option.Validators.Add(result => RequireNotNegativeSeconds(result, Value<int?>(result) ?? 0));
        return option;
    }

    /// <summary>
    /// Seconds PostgreSQL keeps as a setting in milliseconds (lock_timeout), which it refuses above 2147483647 ms: the
    /// wrong number is said while parsing rather than by the server, after connecting.
    /// </summary>
    public static Option<int?> MillisecondSetting(this Option<int?> option, string setting)
    {
        option.Validators.Add(result =>
        {
            if (Value<int?>(result) is > MaxMillisecondSettingSeconds and { } seconds)
            {
                result.AddError($"{Name(result)} {seconds} is more than PostgreSQL's {setting} accepts; give 0 to {MaxMillisecondSettingSeconds} seconds.");
            }
        });
        return option.Seconds();
    }

    private const int MaxMillisecondSettingSeconds = int.MaxValue / 1000;

    /// <summary>A migration's version, or 0 where <paramref name="zero"/> says what 0 means.</summary>
    public static Option<long> Version(this Option<long> option, string? zero = null)
    {
        option.Validators.Add(result => RequireVersion(result, Name(result), Value<long>(result), zero));
        return option;
    }

    /// <inheritdoc cref="Version(Option{long}, string?)"/>
    public static Option<long?> Version(this Option<long?> option, string? zero = null)
    {
        option.Validators.Add(result =>
        {
            if (Value<long?>(result) is { } version)
            {
                RequireVersion(result, Name(result), version, zero);
            }
        });
        return option;
    }

    /// <inheritdoc cref="Version(Option{long}, string?)"/>
    public static Argument<long> Version(this Argument<long> argument, string verb, string? zero = null)
    {
        argument.Validators.Add(result => RequireVersion(result, verb, Value<long>(result), zero));
        return argument;
    }

    /// <summary>
    /// -a takes several paths at once; an option it does not know (a typo, another tool's) is not one of them, and is
    /// reported as the unknown option it is rather than as a missing assembly.
    /// </summary>
    public static Option<string[]> NoOptionsAsPaths(this Option<string[]> option)
    {
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value.Length > 1 && value[0] == '-')
                {
                    result.AddError($"Unrecognized option '{value}' (after -a, which takes the paths of migration assemblies); --help after the verb lists its options.");
                }
            }
        });
        return option;
    }

    /// <summary>A number of migrations: 1 or more.</summary>
    public static Argument<int> Count(this Argument<int> argument, string verb)
    {
        argument.Validators.Add(result =>
        {
            if (Value<int?>(result) is < 1 and { } count)
            {
                result.AddError($"Cannot {verb} {count}; give a number of migrations of 1 or more.");
            }
        });
        return argument;
    }

    private static void RequireNotNegativeSeconds(OptionResult result, int seconds)
    {
        if (seconds < 0)
        {
            result.AddError($"{Name(result)} {seconds} is negative; give a number of seconds, 0 or more.");
        }
    }

    private static void RequireVersion(SymbolResult result, string what, long version, string? zero)
    {
        if (version < 0)
        {
            result.AddError($"{what} {version} is negative; give a migration's version{(zero is null ? "" : $", or 0 {zero}")}.");
        }
    }

    /// <summary>
    /// The value, or its type's default when the text did not convert: the parser reports that one itself ("Cannot
    /// parse argument 'several'..."), and validators run all the same.
    /// </summary>
    private static T? Value<T>(SymbolResult result)
    {
        try
        {
            return result switch
            {
                OptionResult option => option.GetValueOrDefault<T>(),
                ArgumentResult argument => argument.GetValueOrDefault<T>(),
                _ => default,
            };
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    /// <summary>The option as it was typed (-t or --target), for the message.</summary>
    private static string Name(OptionResult result) => result.IdentifierToken?.Value ?? result.Option.Name;
}

using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Journal;

/// <summary>
/// Values a migration's code computes each time it is built rather than writes: the time of the run
/// (<c>DateTime.Now</c>, <c>UtcNow</c>, <c>Today</c>, <c>DateTimeOffset.Now</c>...), a new <c>Guid</c>, a random number.
/// They are found two ways, neither of which needs the migration to say anything: a value that differs between two builds
/// of the same migration in one process, and, in a migration whose own code reads the clock, every date and time value
/// (a <c>DateTime.Today</c> is the same in both builds, and not tomorrow).
/// </summary>
internal static partial class RunTimeValues
{
    public const string Varies = "<varies from run to run>";
    public const string TimeOfTheRun = "<time of the run>";

    private static readonly (Type Type, string Member)[] Clocks =
    [
        (typeof(DateTime), "get_Now"), (typeof(DateTime), "get_UtcNow"), (typeof(DateTime), "get_Today"),
        (typeof(DateTimeOffset), "get_Now"), (typeof(DateTimeOffset), "get_UtcNow"),
        (typeof(TimeProvider), "GetUtcNow"), (typeof(TimeProvider), "GetLocalNow"),
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>
    /// <paramref name="first"/>, the text of one build of a migration, with what differs from <paramref name="second"/>,
    /// the text of another build, masked; with <paramref name="readsTheClock"/>, its date and time literals as well. Where
    /// the two builds do not even have the same shape (a loop of random length), the lines that differ are masked whole.
    /// </summary>
    public static string Mask(string first, string second, bool readsTheClock)
    {
        if (first != second)
        {
            first = MaskDifferences(first, second);
        }

        return readsTheClock ? DateTimeLiteral().Replace(first, $"'{TimeOfTheRun}'") : first;
    }

    private static string MaskDifferences(string first, string second)
    {
        var a = Tokens(first);
        var b = Tokens(second);
        if (a.Count == b.Count)
        {
            return string.Concat(a.Zip(b, (x, y) => x == y ? x : Varies));
        }

        var linesA = first.Split('\n');
        var linesB = second.Split('\n');
        return linesA.Length == linesB.Length
            ? string.Join('\n', linesA.Zip(linesB, (x, y) => x == y ? x : Varies))
            : Varies;
    }

    /// <summary>The text in tokens: a quoted literal or identifier whole, a word or number, a run of spaces, or one other character.</summary>
    private static List<string> Tokens(string text) => Token().Matches(text).Select(m => m.Value).ToList();

    /// <summary>
    /// Whether the code of <paramref name="migration"/> (its methods, lambdas and local functions, and those of its own
    /// base classes) reads the clock. Read from its IL: what it calls, not what it happens to return today.
    /// </summary>
    public static bool ReadsTheClock(Type migration) => ClockReaders.GetOrAdd(migration, FindClockReads);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> ClockReaders = new();

    private static bool FindClockReads(Type migration)
    {
        for (var type = migration; type is not null && type.Assembly != typeof(FluentMigrator.Migration).Assembly; type = type.BaseType)
        {
            if (TypeAndNested(type).Any(t => Methods(t).Any(CallsAClock)))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Type> TypeAndNested(Type type)
        => type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(TypeAndNested).Prepend(type);

    private static IEnumerable<MethodBase> Methods(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
    }

    private static bool CallsAClock(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return false;
        }

        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            if (!OpCodesByValue.TryGetValue(value, out var opCode))
            {
                return false; // not IL this reader knows: say nothing rather than guess
            }

            i += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod && i + 4 <= il.Length && IsAClock(method, BitConverter.ToInt32(il, i)))
            {
                return true;
            }

            i += OperandSize(opCode.OperandType, il, i);
        }

        return false;
    }

    private static bool IsAClock(MethodBase caller, int token)
    {
        try
        {
            var called = caller.Module.ResolveMethod(token, caller.DeclaringType?.GetGenericArguments(), caller.IsGenericMethod ? caller.GetGenericArguments() : null);
            return called is not null && Clocks.Any(c => called.DeclaringType == c.Type && called.Name == c.Member);
        }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or FileNotFoundException)
        {
            return false;
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    [GeneratedRegex("""'(?:[^']|'')*'|"(?:[^"]|"")*"|\w+|\s+|.""", RegexOptions.Singleline)]
    private static partial Regex Token();

    /// <summary>A quoted date, or date and time, with or without fractions and offset, as FluentMigrator writes one.</summary>
    [GeneratedRegex("""'\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?'""")]
    private static partial Regex DateTimeLiteral();
}

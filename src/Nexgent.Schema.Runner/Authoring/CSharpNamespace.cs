using System.Text.RegularExpressions;

namespace Nexgent.Schema.Runner.Authoring;

/// <summary>
/// The namespace of a class, made from names as the .NET SDK's templates make one from a project's name: a root
/// namespace (dots kept: <c>Shop.Migrations</c>) and the folders below the project, each part made an identifier C#
/// accepts (<c>my-app</c> is <c>my_app</c>, <c>2fast</c> is <c>_2fast</c>, <c>event</c> is <c>@event</c>).
/// </summary>
internal static partial class CSharpNamespace
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary>The namespace of <paramref name="names"/>, outermost first; each may hold dots.</summary>
    public static string From(IEnumerable<string> names)
        => string.Join('.', names.SelectMany(name => name.Split('.')).Where(part => part.Length > 0).Select(Identifier));

    private static string Identifier(string part)
    {
        var identifier = NotInIdentifier().Replace(part, "_");
        if (char.IsDigit(identifier[0]))
        {
            return "_" + identifier;
        }

        return Keywords.Contains(identifier) ? "@" + identifier : identifier;
    }

    [GeneratedRegex(@"[^\p{L}\p{Mn}\p{Nd}\p{Pc}]")]
    private static partial Regex NotInIdentifier();
}

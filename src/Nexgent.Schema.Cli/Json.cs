using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexgent.Schema.Cli;

/// <summary>
/// The <c>--json</c> output: camelCase, indented, enums as strings, and SQL readable as it is (quotes and
/// <c>&lt;&gt;</c> unescaped: the document goes to a terminal or a file, never into an HTML page).
/// </summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Print<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Options));
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nexgent.Schema.Cli;

/// <summary>The <c>--json</c> output: camelCase, indented, enums as strings.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Print<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Options));
}

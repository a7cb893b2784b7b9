using System.Text.Json;

namespace Nexgent.Schema.Cli.Loading;

/// <summary>
/// The small settings file a checkout commits to name its migrations project, found like a tool manifest:
/// <c>.config/dotnet-fm.json</c> in the working directory or the nearest folder above it.
/// <code>{ "project": "src/Nexgent.Schema.Migrations", "migrationsFolder": "Versions" }</code>
/// Paths are relative to the folder that holds <c>.config</c>.
/// </summary>
internal sealed record ToolSettings(string Root, string? Project, string? MigrationsFolder)
{
    public const string RelativePath = ".config/dotnet-fm.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static ToolSettings? Find(string workingDirectory)
    {
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            var file = Path.Combine(directory.FullName, RelativePath);
            if (File.Exists(file))
            {
                return Read(directory.FullName, file);
            }
        }

        return null;
    }

    private static ToolSettings Read(string root, string file)
    {
        try
        {
            var values = JsonSerializer.Deserialize<Values>(File.ReadAllText(file), Json) ?? new Values(null, null);
            return new ToolSettings(root, values.Project, values.MigrationsFolder);
        }
        catch (JsonException e)
        {
            throw new CliException($"{file} is not valid JSON ({e.Message.TrimEnd('.')}); fix it or delete it.");
        }
    }

    private sealed record Values(string? Project, string? MigrationsFolder);
}

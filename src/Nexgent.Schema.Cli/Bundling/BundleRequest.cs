namespace Nexgent.Schema.Cli.Bundling;

/// <summary>What <c>dotnet fm bundle</c> was asked for: the file to write, the runtime identifier, and whether to overwrite.</summary>
internal sealed record BundleRequest(string Output, string Runtime, bool Force);

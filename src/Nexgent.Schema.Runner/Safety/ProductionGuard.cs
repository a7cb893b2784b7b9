namespace Nexgent.Schema.Runner.Safety;

/// <summary>Whether the environment says this is production, as .NET hosts and Node apps spell it.</summary>
internal static class ProductionGuard
{
    public static readonly string[] Variables = ["DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "NODE_ENV"];

    /// <summary>The first variable that says Production, or null.</summary>
    public static string? ProductionVariable()
        => Variables.FirstOrDefault(v => string.Equals(Environment.GetEnvironmentVariable(v), "production", StringComparison.OrdinalIgnoreCase));
}

using System.Text.Json;
using Gateway.Adapters.Http;
using Gateway.Contracts.Json;
using Gateway.Routing.Regions;

namespace Gateway.UnitTests;

/// <summary>The repository's real config/ and samples, found by walking up to Gateway.sln.</summary>
internal static class TestRepo
{
    public static string Root { get; } = FindRoot();
    public static string Config => Path.Combine(Root, "config");

    private static readonly Lazy<RegionCatalog> LazyRegions = new(() => RegionCatalog.LoadDirectory(Path.Combine(Config, "regions")));
    public static RegionCatalog Regions => LazyRegions.Value;

    public static T LoadSample<T>(string portal, string file) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(Config, "samples", portal, file)), GatewayJson.Options)!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln"))) return dir.FullName;
        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}

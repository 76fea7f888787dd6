using Gateway.IntegrationTests.Support;
using Gateway.Routing.Regions;

namespace Gateway.IntegrationTests.Portals;

/// <summary>
/// A real gateway that takes pushes from every portal for every region. All counterparts of all regions are
/// pointed at one fake ERP on 127.0.0.1 (these tests are about intake, not about who answers work orders).
/// </summary>
public class PortalsGateway : IAsyncLifetime
{
    public GatewayHost Host { get; private set; } = null!;
    public FakeCounterpart Erp { get; private set; } = null!;

    /// <summary>The config folder the host reads; a subclass may point at a modified copy.</summary>
    protected virtual string ConfigDirectory => RepoPaths.Config;

    public async Task InitializeAsync()
    {
        Erp = await FakeCounterpart.StartAsync("all-counterparts");
        var regions = RegionCatalog.LoadDirectory(Path.Combine(ConfigDirectory, "regions"));
        var args = new List<string> { $"--Gateway:ConfigDir={ConfigDirectory}" };
        args.AddRange(PortalPushes.CallerSecretArgs());
        foreach (var counterpart in regions.Counterparts)
        {
            args.Add($"--Gateway:Counterparts:{counterpart.Id}:BaseUrl={Erp.BaseUrl}");
            args.Add($"--Gateway:Counterparts:{counterpart.Id}:Secret={GatewayHost.CounterpartSecret(counterpart.Id)}");
        }
        Host = await GatewayHost.StartAsync([], args.ToArray());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Erp.DisposeAsync();
    }
}

/// <summary>Every test class that uses the shared portals gateway runs in this collection, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PortalsCollection : ICollectionFixture<PortalsGateway>
{
    public const string Name = "portals";
}

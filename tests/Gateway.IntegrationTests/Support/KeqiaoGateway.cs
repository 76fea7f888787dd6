namespace Gateway.IntegrationTests.Support;

/// <summary>A gateway (embedded profile) with a fake ERP for each Keqiao utility; shared by a test class.</summary>
public class KeqiaoGateway : IAsyncLifetime
{
    public static readonly string[] Utilities = ["keqiao-water", "keqiao-power", "keqiao-gas", "keqiao-cmcc", "keqiao-cucc", "keqiao-ctcc"];

    public GatewayHost Host { get; private set; } = null!;
    public Dictionary<string, FakeCounterpart> Fakes { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var id in Utilities) Fakes[id] = await FakeCounterpart.StartAsync(id);
        Host = await GatewayHost.StartAsync(Fakes.Values, await DeploymentArgsAsync());
    }

    /// <summary>Store and transport settings; the embedded default here.</summary>
    protected virtual Task<string[]> DeploymentArgsAsync() => Task.FromResult(Array.Empty<string>());

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        foreach (var fake in Fakes.Values) await fake.DisposeAsync();
    }

    /// <summary>The requests a fake received for one case (fakes are shared across tests in a class).</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedFor(string counterpartId, string caseId) =>
        Fakes[counterpartId].Received.Where(r => r.Header("X-Correlation-Id") == caseId).ToList();
}

/// <summary>The same, on the production profile: PostgreSQL store and RabbitMQ transport started by ./test.sh.</summary>
public sealed class KeqiaoGatewayOnPostgresAndRabbitMq : KeqiaoGateway
{
    protected override Task<string[]> DeploymentArgsAsync() => ProductionInfrastructure.NewDeploymentArgsAsync();
}

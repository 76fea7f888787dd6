using Dapper;
using Gateway.IntegrationTests.Support;
using Npgsql;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// One production deployment: a fresh PostgreSQL database and RabbitMQ queue prefix (from the services ./test.sh
/// starts), a fake ERP per Keqiao utility, and any number of gateway processes sharing them, as instances behind a
/// load balancer would. Disposing kills every process and stops the fakes, whatever the test's outcome.
/// </summary>
public sealed class MultiInstanceDeployment : IAsyncDisposable
{
    private static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly TimeSpan _readyTimeout;

    private readonly string[] _settings;
    private readonly Dictionary<string, GatewayProcess> _instances = [];
    private readonly List<GatewayProcess> _retired = [];

    public string StoreConnectionString { get; }
    /// <summary>This deployment's queue names start with it (<c>Gateway:Bus:QueuePrefix</c>).</summary>
    public string QueuePrefix { get; }
    public string WorkDirectory { get; }
    public IReadOnlyDictionary<string, FakeCounterpart> Fakes { get; }
    public IReadOnlyList<GatewayProcess> Instances { get { lock (_instances) return _instances.Values.ToList(); } }
    public GatewayProcess this[string name] { get { lock (_instances) return _instances[name]; } }

    private MultiInstanceDeployment(string storeConnectionString, string[] deploymentArgs, string workDirectory, Dictionary<string, FakeCounterpart> fakes,
        IEnumerable<string> extraSettings, string queuePrefix, TimeSpan readyTimeout)
    {
        _readyTimeout = readyTimeout;
        StoreConnectionString = storeConnectionString;
        QueuePrefix = queuePrefix;
        WorkDirectory = workDirectory;
        Fakes = fakes;
        var settings = new List<string>(deploymentArgs)
        {
            $"--Gateway:ConfigDir={RepoPaths.Config}",
            "--Gateway:Sandbox:Enabled=false",
            "--Gateway:Outbox:PollMilliseconds=100",
            // The send lease stays at its production default (180 s): a killed instance's sends come back through its
            // stale heartbeat, not through the lease.
            "--Gateway:CounterpartDefaults:Retry:BaseDelaySeconds=0.05",
            // Generous: a request timing out on a starved machine would be re-sent and break the "sent once" checks.
            "--Gateway:CounterpartDefaults:TimeoutSeconds=15",
            $"--Gateway:Callers:zhejiang:Secret={GatewayHost.PortalSecret}",
            $"--Gateway:Admin:Tokens:0:Token={GatewayHost.OperatorToken}",
            "--Gateway:Admin:Tokens:0:Role=operator",
            "--Gateway:Admin:Tokens:0:Name=test-operator",
            // Two gateways, PostgreSQL, RabbitMQ and the tests share two cores: information logs would cost real time.
            "--Serilog:MinimumLevel:Default=Warning",
            // But each step of a start, so a start that never becomes ready shows how far it got.
            "--Serilog:MinimumLevel:Override:Gateway.Host=Information",
            "--Serilog:MinimumLevel:Override:Gateway.Application.Instances.InstanceHeartbeat=Information",
            "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Information",
            "--Serilog:MinimumLevel:Override:MassTransit=Information",
        };
        foreach (var fake in fakes.Values)
        {
            settings.Add($"--Gateway:Counterparts:{fake.Id}:BaseUrl={fake.BaseUrl}");
            settings.Add($"--Gateway:Counterparts:{fake.Id}:Secret={GatewayHost.CounterpartSecret(fake.Id)}");
        }
        settings.AddRange(extraSettings);
        _settings = settings.ToArray();
    }

    /// <param name="extraSettings"><c>--Key=value</c> settings after (so overriding) the deployment's own.</param>
    /// <param name="rabbitMqUri">The broker; the single node ./test.sh starts unless a test names another (the cluster).</param>
    /// <param name="readyTimeout">How long an instance may take to start (declaring quorum queues on a cluster takes longer).</param>
    public static async Task<MultiInstanceDeployment> CreateAsync(IEnumerable<string>? extraSettings = null, string? rabbitMqUri = null,
        TimeSpan? readyTimeout = null)
    {
        var store = await ProductionInfrastructure.CreateDatabaseAsync();
        var queuePrefix = "mp" + Guid.NewGuid().ToString("N")[..8] + "-";
        var deploymentArgs = ProductionInfrastructure.DeploymentArgs(store, queuePrefix, rabbitMqUri);
        var fakes = new Dictionary<string, FakeCounterpart>();
        foreach (var id in KeqiaoGateway.Utilities) fakes[id] = await FakeCounterpart.StartAsync(id);
        var work = Directory.CreateTempSubdirectory("gateway-multiprocess-").FullName;
        return new MultiInstanceDeployment(store, deploymentArgs, work, fakes, extraSettings ?? [], queuePrefix, readyTimeout ?? DefaultReadyTimeout);
    }

    /// <summary>Starts (or, after a crash, starts again) the instance <paramref name="name"/> on the shared store and broker.</summary>
    public async Task<GatewayProcess> StartAsync(string name)
    {
        lock (_instances)
            if (_instances.Remove(name, out var previous)) _retired.Add(previous);
        var logs = Path.Combine(WorkDirectory, "logs-" + name);
        GatewayProcess instance;
        try
        {
            instance = await GatewayProcess.StartAsync(name, [.. _settings, $"--Gateway:LogDirectory={logs}"], WorkDirectory, _readyTimeout,
                new GatewayLaunch { Client = GatewayHost.CheckedClient });
        }
        catch (TimeoutException ex)
        {
            // Say what the store's sessions were waiting for: a start that waits for another's start lock (docs/operations.md,
            // "Starting instances") or for the database shows there.
            throw new TimeoutException($"{ex.Message}{Environment.NewLine}---- the store's sessions ----{Environment.NewLine}{await StoreSessionsAsync()}", ex);
        }
        lock (_instances) _instances[name] = instance;
        return instance;
    }

    /// <summary>The store database's sessions: state, what each waits for, its query; for a start that timed out.</summary>
    private async Task<string> StoreSessionsAsync()
    {
        try
        {
            await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(StoreConnectionString) { Pooling = false }.ConnectionString);
            await db.OpenAsync();
            var sessions = await db.QueryAsync<(int Pid, string? State, string? WaitType, string? Wait, string? Query)>("""
                SELECT pid, state, wait_event_type, wait_event, left(query, 120) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                """);
            return string.Join(Environment.NewLine, sessions.Select(s => $"pid {s.Pid} {s.State} waiting {s.WaitType}/{s.Wait}: {s.Query}"));
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return $"(not read: {ex.Message})";
        }
    }

    /// <summary>Every instance's recent output, for a failure message.</summary>
    public string OutputTails()
    {
        lock (_instances) return string.Join(Environment.NewLine, _retired.Concat(_instances.Values).Select(i => i.OutputTail()));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _retired.Concat(_instances.Values)) await instance.DisposeAsync();
        foreach (var fake in Fakes.Values) await fake.DisposeAsync();
        if (Environment.GetEnvironmentVariable("GATEWAY_TEST_KEEP_DATA") == "1") return;
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { /* a log file still closing */ }
    }
}

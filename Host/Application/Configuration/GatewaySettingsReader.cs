using Gateway.Application.Security;
using Gateway.Contracts.Portals;
using Gateway.Routing.Regions;
using Microsoft.Extensions.Configuration;

namespace Gateway.Application.Configuration;

/// <summary>
/// Reads and checks the gateway's configuration at startup. Every problem is collected and reported
/// at once, each naming its key, so an operator fixes the file in one go.
/// </summary>
public static class GatewaySettingsReader
{
    public const string DevSecretPrefix = "dev-only-";

    public static GatewaySettings Read(IConfiguration config, RegionCatalog regions, string configDirectory)
    {
        var problems = new List<string>();
        var gw = config.GetSection("Gateway");

        T ReadEnum<T>(string key, T fallback) where T : struct, Enum
        {
            var raw = gw[key];
            if (string.IsNullOrWhiteSpace(raw)) return fallback;
            if (Enum.TryParse<T>(raw, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
            problems.Add($"Gateway:{key}: '{raw}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
            return fallback;
        }

        var profile = ReadEnum("Profile", GatewayProfile.Embedded);
        var transport = ReadEnum("Transport", TransportKind.InMemory);
        var store = ReadEnum("Store", StoreKind.Sqlite);

        var storeConnection = config.GetConnectionString("Store");
        if (string.IsNullOrWhiteSpace(storeConnection))
        {
            if (store == StoreKind.Sqlite) storeConnection = "Data Source=data/gateway.db";
            else problems.Add("ConnectionStrings:Store: required when Gateway:Store is Postgres");
        }
        var rabbit = config.GetConnectionString("RabbitMq");
        if (transport == TransportKind.RabbitMq && !Uri.TryCreate(rabbit, UriKind.Absolute, out _))
            problems.Add("ConnectionStrings:RabbitMq: an amqp:// URI is required when Gateway:Transport is RabbitMq");

        var sandboxRaw = gw["Sandbox:Enabled"];
        var sandbox = profile == GatewayProfile.Embedded;
        if (!string.IsNullOrWhiteSpace(sandboxRaw) && !bool.TryParse(sandboxRaw, out sandbox))
            problems.Add($"Gateway:Sandbox:Enabled: '{sandboxRaw}' is not true or false");

        // Counterparts, portals and callers are GatewayOptions, checked by GatewayOptionsValidator.

        var tokens = AdminTokenReader.Read(config, profile, problems);
        if (profile == GatewayProfile.Production)
        {
            if (sandbox) problems.Add("Gateway:Sandbox:Enabled: the production profile refuses to start with the sandbox on");
            foreach (var (key, value) in config.AsEnumerable())
                if (value is not null && key.StartsWith("Gateway:", StringComparison.Ordinal) && value.StartsWith(DevSecretPrefix, StringComparison.Ordinal))
                    problems.Add($"{key}: a development secret is configured; the production profile refuses to start with it");
            if (tokens.Any(t => t.Token.StartsWith("dev-", StringComparison.Ordinal)))
                problems.Add("Gateway:Admin:Tokens: development tokens are configured; the production profile refuses to start with them");
        }

        var pollRaw = gw["Outbox:PollMilliseconds"];
        var poll = 500;
        if (!string.IsNullOrWhiteSpace(pollRaw) && (!int.TryParse(pollRaw, out poll) || poll < 10))
            problems.Add($"Gateway:Outbox:PollMilliseconds: '{pollRaw}' must be a whole number ≥ 10");

        var leaseRaw = gw["Dispatch:LeaseSeconds"];
        var lease = 180;
        if (!string.IsNullOrWhiteSpace(leaseRaw) && (!int.TryParse(leaseRaw, out lease) || lease < 1))
            problems.Add($"Gateway:Dispatch:LeaseSeconds: '{leaseRaw}' must be a whole number of seconds ≥ 1");

        var warnRaw = gw["Deadlines:WarningFraction"];
        var warnFraction = 0.75;
        if (!string.IsNullOrWhiteSpace(warnRaw) && (!double.TryParse(warnRaw, System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out warnFraction) || warnFraction is <= 0 or >= 1))
            problems.Add($"Gateway:Deadlines:WarningFraction: '{warnRaw}' must be a number between 0 and 1 (e.g. 0.75)");
        var sweepRaw = gw["Deadlines:SweepMilliseconds"];
        var sweep = 30_000;
        if (!string.IsNullOrWhiteSpace(sweepRaw) && (!int.TryParse(sweepRaw, out sweep) || sweep < 50))
            problems.Add($"Gateway:Deadlines:SweepMilliseconds: '{sweepRaw}' must be a whole number ≥ 50");

        var queuePrefix = gw["Bus:QueuePrefix"] ?? "";
        if (queuePrefix.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            problems.Add($"Gateway:Bus:QueuePrefix: '{queuePrefix}' may hold only letters, digits, '-', '_' and '.'");

        var instances = InstanceOptions.Read(gw, problems);
        var clusterNodes = RabbitMqClusterNodes.Read(gw, transport, problems);

        if (problems.Count > 0)
            throw new ConfigurationException("configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));

        return new GatewaySettings(profile, transport, store, storeConnection!, rabbit, sandbox, configDirectory,
            gw["LogDirectory"] is { Length: > 0 } logs ? logs : "logs", TimeSpan.FromMilliseconds(poll), TimeSpan.FromSeconds(lease), queuePrefix, warnFraction, TimeSpan.FromMilliseconds(sweep),
            tokens) { Instances = instances, RabbitMqClusterNodes = clusterNodes };
    }
}

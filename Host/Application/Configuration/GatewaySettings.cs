using Gateway.Application.Security;

namespace Gateway.Application.Configuration;

public enum GatewayProfile { Embedded, Production }
public enum TransportKind { InMemory, RabbitMq }
public enum StoreKind { Sqlite, Postgres }

/// <summary>The validated <c>Gateway:*</c> settings (docs/operations.md, "Configuration keys").</summary>
public sealed partial record GatewaySettings(
    GatewayProfile Profile,
    TransportKind Transport,
    StoreKind Store,
    string StoreConnectionString,
    string? RabbitMqConnectionString,
    bool SandboxEnabled,
    string ConfigDirectory,
    string LogDirectory,
    TimeSpan OutboxPollInterval,
    TimeSpan DispatchLease,
    string BusQueuePrefix,
    double DeadlineWarningFraction,
    TimeSpan DeadlineSweepInterval,
    IReadOnlyList<AdminToken> AdminTokens);

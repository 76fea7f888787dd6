using RabbitMQ.Client;

namespace Gateway.Host.Health;

/// <summary>
/// The one RabbitMQ connection the readiness check uses (AspNetCore.HealthChecks.Rabbitmq asks for a connection on
/// every check). Kept open between checks; made again when the broker dropped it or could not be reached.
/// </summary>
public sealed class BrokerConnection(Uri broker) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async Task<IConnection> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_connection is { IsOpen: true }) return _connection;
            if (_connection is not null) await _connection.DisposeAsync();
            _connection = null;
            _connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "hookup-gateway-health", AutomaticRecoveryEnabled = false }
                .CreateConnectionAsync();
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _gate.Dispose();
    }
}

using System.Diagnostics;
using Gateway.Application.Store;

namespace Gateway.Application.Instances;

/// <summary>
/// Lets one instance start at a time: entered before the store's migration, left once the bus is up
/// (<see cref="StartGateRelease"/>). Instances starting together would otherwise declare the same quorum queues at the same
/// moment, which RabbitMQ can leave half-made; the message bus then retries its endpoints for ever and logs it only at
/// Debug. Holding the gate also times the start: one that takes longer than <see cref="SlowStart"/> says so at Warning
/// (docs/operations.md, "Starting instances"). Real time, not the host's TimeProvider: a test that moves the calendar
/// must not stop a start.
/// </summary>
public sealed class StartGate(IStoreMaintenance store, ILogger<StartGate> logger) : IAsyncDisposable
{
    /// <summary>A start still not done after this is said at Warning, and again each time as long again passes.</summary>
    public static readonly TimeSpan SlowStart = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch _since = new();
    private IAsyncDisposable? _held;
    private ITimer? _slowStart;

    /// <summary>Waits until no other instance is starting (saying so while it waits), then holds the gate.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        TimeSpan? said = null;
        while ((_held = await store.TryTakeStartLockAsync(cancellationToken)) is null)
        {
            if (said is null)
            {
                logger.LogInformation("Another instance is starting on this store: waiting for it to finish");
                said = waiting.Elapsed;
            }
            else if (waiting.Elapsed - said >= SlowStart)
            {
                logger.LogWarning("Still waiting after {Seconds:0} s for another instance to finish starting on this store", waiting.Elapsed.TotalSeconds);
                said = waiting.Elapsed;
            }
            await Task.Delay(Retry, cancellationToken);
        }
        if (said is not null) logger.LogInformation("The other instance finished starting after {Seconds:0.0} s of waiting", waiting.Elapsed.TotalSeconds);
        _since.Start();
        _slowStart = TimeProvider.System.CreateTimer(_ => logger.LogWarning(
            "Still starting after {Seconds:0} s: the store's migration or the message bus's endpoints are not done (is the broker reachable, can it declare the queues?)",
            _since.Elapsed.TotalSeconds), null, SlowStart, SlowStart);
    }

    /// <summary>Releases the gate for the next instance; the start is done.</summary>
    public async ValueTask LeaveAsync()
    {
        if (_slowStart is not null) await _slowStart.DisposeAsync();
        _slowStart = null;
        if (_held is null) return;
        var held = _held;
        _held = null;
        try
        {
            await held.DisposeAsync();
        }
        catch (Exception ex)
        {
            // The store went away (a restart): the lock went with its session, so this start need not fail for it.
            logger.LogWarning("Could not release the start lock ({Error}); it ends with its database session", ex.Message);
        }
        logger.LogInformation("Started in {Seconds:0.0} s; the next instance may start", _since.Elapsed.TotalSeconds);
    }

    public ValueTask DisposeAsync() => LeaveAsync();
}

/// <summary>Registered after the bus: the hosts start their services in order, so this runs once the bus is up.</summary>
public sealed class StartGateRelease(StartGate gate) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => gate.LeaveAsync().AsTask();
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

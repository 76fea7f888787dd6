using Gateway.Application.Store;

namespace Gateway.Application.Instances;

/// <summary>
/// Writes this instance's heartbeat every <c>Gateway:Instances:HeartbeatMilliseconds</c>. The first beat happens in
/// <see cref="StartAsync"/>, before the bus starts consuming, so no lease this instance takes names an unknown holder.
/// On a clean stop the instance is marked stopped, so peers take over what it left at once.
/// </summary>
public sealed class InstanceHeartbeat(IInstanceStore store, GatewayInstance instance, StoreReachability reachability, ILogger<InstanceHeartbeat> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken);
        logger.LogInformation("Gateway instance {InstanceId}: heartbeat every {Heartbeat}, peers silent for {Stale} are taken over",
            instance.Id, instance.Options.HeartbeatInterval, instance.Options.StaleAfter);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not the host's TimeProvider: heartbeats measure real elapsed time even when a test moves the calendar.
        using var timer = new PeriodicTimer(instance.Options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await BeatAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.BeatAsync(instance.Id, Environment.MachineName, cancellationToken);
            instance.BeatSucceeded();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            instance.BeatFailed();
            reachability.Failed(ex);
            logger.LogWarning("Heartbeat of instance {InstanceId} failed: {Error}", instance.Id, ex.Message);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await store.MarkStoppedAsync(instance.Id, cancellationToken);
        }
        catch (Exception ex)
        {
            // Peers then wait for the heartbeat to go stale: a few seconds, not the lease.
            logger.LogWarning("Could not mark instance {InstanceId} stopped: {Error}", instance.Id, ex.Message);
        }
    }
}

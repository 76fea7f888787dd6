using Gateway.Application.Configuration;
using Gateway.Application.Outbox;
using Gateway.Application.Security;
using Gateway.Application.Store;
namespace Gateway.Application.FailedMessages;

/// <summary>Replays failed messages: one transaction marks them and writes their outbox messages, then the relay is woken.</summary>
public sealed class FailedMessageReplay(IFailedMessageStore store, OutboxSignal outboxSignal, GatewaySettings settings, TimeProvider clock,
    ILogger<FailedMessageReplay> logger)
{
    public async Task<int> ReplayAsync(ReplaySelection selection, AdminToken caller, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var taken = await store.ReplayFailedAsync(selection, caller.Name, now, now + (long)settings.DispatchLease.TotalMilliseconds,
            d => SendDispatchMessage.For(d, now), cancellationToken);
        if (taken.Count > 0) outboxSignal.Notify();
        logger.LogInformation("Operator {Operator} replayed {Count} failed messages", caller.Name, taken.Count);
        return taken.Count;
    }
}

using System.Diagnostics;
using MassTransit;

namespace Gateway.Bench;

public sealed record BaselineMessage(int N, string Payload);

/// <summary>
/// Plain MassTransit send/consume of <c>count</c> 1 KiB messages on the gateway's transport (in-memory, or RabbitMQ with
/// publisher confirms and a quorum queue, as the gateway's endpoints are): no store, no HTTP.
/// </summary>
public static class MassTransitBaseline
{
    public static async Task<BaselineResult> RunAsync(string? rabbitUri, int count, int prefetch, int concurrency, TimeSpan timeout)
    {
        var queue = $"bench-mt-{Guid.NewGuid():N}"[..20];
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task Handle(ConsumeContext<BaselineMessage> _)
        {
            if (Interlocked.Increment(ref received) == count) done.TrySetResult();
            return Task.CompletedTask;
        }

        IBusControl bus = rabbitUri is null
            ? Bus.Factory.CreateUsingInMemory(cfg => cfg.ReceiveEndpoint(queue, e =>
            {
                e.PrefetchCount = prefetch;
                e.ConcurrentMessageLimit = concurrency;
                e.Handler<BaselineMessage>(Handle);
            }))
            : Bus.Factory.CreateUsingRabbitMq(cfg =>
            {
                cfg.Host(new Uri(rabbitUri), h => h.PublisherConfirmation = true);
                cfg.ReceiveEndpoint(queue, e =>
                {
                    e.SetQuorumQueue();
                    e.PrefetchCount = prefetch;
                    e.ConcurrentMessageLimit = concurrency;
                    e.Handler<BaselineMessage>(Handle);
                });
            });
        await bus.StartAsync();
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri(rabbitUri is null ? $"queue:{queue}" : $"exchange:{queue}"));
            var cpu = ProcessCpu.Seconds(Environment.ProcessId);
            var started = Stopwatch.GetTimestamp();
            await BaselinePayload.SendAllAsync(count, 64, n => endpoint.Send(new BaselineMessage(n, BaselinePayload.Text)));
            if (await Task.WhenAny(done.Task, Task.Delay(timeout)) != done.Task)
                throw new TimeoutException($"MassTransit baseline: {received} of {count} consumed within {timeout.TotalSeconds:0} s");
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return new BaselineResult(rabbitUri is null ? "MassTransit in-memory send/consume" : "MassTransit RabbitMQ send(confirm)/consume",
                count, seconds, ProcessCpu.Seconds(Environment.ProcessId) - cpu);
        }
        finally
        {
            await bus.StopAsync();
            if (rabbitUri is not null) await RawRabbitBaseline.DeleteQueueAsync(rabbitUri, queue);
        }
    }
}

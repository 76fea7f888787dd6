using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Gateway.Bench;

/// <summary>
/// The broker's own ceiling with the plain client: durable (persistent, quorum queue) publish with confirms, consume with
/// manual ack, <c>count</c> 1 KiB messages, publisher and consumer running together.
/// </summary>
public static class RawRabbitBaseline
{
    public static async Task<BaselineResult> RunAsync(string rabbitUri, int count, TimeSpan timeout)
    {
        var queue = $"bench-raw-{Guid.NewGuid():N}"[..21];
        var factory = new ConnectionFactory { Uri = new Uri(rabbitUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await using var consumerChannel = await connection.CreateChannelAsync();
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        try
        {
            var received = 0;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await consumerChannel.BasicQosAsync(0, 100, false);
            var consumer = new AsyncEventingBasicConsumer(consumerChannel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                if (Interlocked.Increment(ref received) == count) done.TrySetResult();
            };
            await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

            var properties = new BasicProperties { Persistent = true, ContentType = "application/octet-stream" };
            var cpu = ProcessCpu.Seconds(Environment.ProcessId);
            var started = Stopwatch.GetTimestamp();
            await BaselinePayload.SendAllAsync(count, 128, _ =>
                publisher.BasicPublishAsync("", queue, mandatory: false, properties, BaselinePayload.Body).AsTask());
            if (await Task.WhenAny(done.Task, Task.Delay(timeout)) != done.Task)
                throw new TimeoutException($"raw RabbitMQ baseline: {received} of {count} consumed within {timeout.TotalSeconds:0} s");
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return new BaselineResult("RabbitMQ.Client publish(confirm)/consume(ack)", count, seconds, ProcessCpu.Seconds(Environment.ProcessId) - cpu);
        }
        finally
        {
            await publisher.QueueDeleteAsync(queue);
        }
    }

    public static async Task DeleteQueueAsync(string rabbitUri, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbitUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
        await channel.ExchangeDeleteAsync(queue);
    }
}

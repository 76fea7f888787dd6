using Gateway.Application.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// The group commit's batches in flight: one at a time by default, so a batch sees the one before it committed; two side
/// by side where a batcher allows it (the intake on PostgreSQL), so an item waits for its own batch only.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_in_flight_a_second_batch_is_written_while_the_first_still_is()
    {
        var (batcher, first) = await FirstBatchHeldAsync(maxInFlight: 2);

        Assert.Equal("b", await batcher.RunAsync("b", CancellationToken.None).WaitAsync(Patience));
        Assert.False(first.IsCompleted);

        batcher.ReleaseFirst.SetResult();
        Assert.Equal("a", await first.WaitAsync(Patience));
        await batcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task One_in_flight_the_next_batch_waits_for_the_first_to_commit()
    {
        var (batcher, first) = await FirstBatchHeldAsync(maxInFlight: 1);
        var second = batcher.RunAsync("b", CancellationToken.None);

        await Task.Delay(300);
        Assert.False(second.IsCompleted);

        batcher.ReleaseFirst.SetResult();
        Assert.Equal(["a", "b"], await Task.WhenAll(first, second).WaitAsync(Patience));
        await batcher.StopAsync(CancellationToken.None);
    }

    /// <summary>A started batcher whose first batch, of item "a", is being written and held.</summary>
    private static async Task<(HeldFirstBatch Batcher, Task<string> First)> FirstBatchHeldAsync(int maxInFlight)
    {
        var batcher = new HeldFirstBatch(maxInFlight);
        await batcher.StartAsync(CancellationToken.None);
        var first = batcher.RunAsync("a", CancellationToken.None);
        await batcher.FirstStarted.Task.WaitAsync(Patience);
        return (batcher, first);
    }

    /// <summary>Answers each item with itself; its first batch is held until <see cref="ReleaseFirst"/>.</summary>
    private sealed class HeldFirstBatch(int maxInFlight) : GroupCommit<string, string>(NullLogger.Instance, maxInFlight)
    {
        private int _batches;
        public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource ReleaseFirst { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<IReadOnlyList<Outcome>> RunBatchAsync(IReadOnlyList<string> items)
        {
            if (Interlocked.Increment(ref _batches) == 1)
            {
                FirstStarted.SetResult();
                await ReleaseFirst.Task;
            }
            return items.Select(Outcome.Of).ToList();
        }

        protected override Task<string> RunAloneAsync(string item, CancellationToken cancellationToken) => Task.FromResult(item);
    }
}

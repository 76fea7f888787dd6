using System.Diagnostics;

namespace Gateway.IntegrationTests.Support;

/// <summary>Waits, bounded, until a condition holds. Returns the moment it is seen true: it is not asked again (a condition
/// about rows still being written, like "no unpublished outbox row", may be true for a moment only).</summary>
public static class Poll
{
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > limit) Assert.Fail($"timed out after {limit.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(50);
        }
    }
}

namespace Gateway.Bench;

/// <summary>What a transport alone manages: messages moved end to end per second.</summary>
public sealed record BaselineResult(string Name, int Messages, double Seconds, double CpuGatewaySide)
{
    public double MessagesPerSecond => Seconds > 0 ? Messages / Seconds : 0;
}

/// <summary>The baseline messages: 1 KiB payloads, like a work-order message with its headers.</summary>
public static class BaselinePayload
{
    public const int Bytes = 1024;
    public static readonly byte[] Body = Enumerable.Range(0, Bytes).Select(i => (byte)('a' + i % 26)).ToArray();
    public static readonly string Text = System.Text.Encoding.ASCII.GetString(Body);

    /// <summary>Runs <paramref name="send"/> for 0..count-1 with at most <paramref name="inFlight"/> outstanding.</summary>
    public static async Task SendAllAsync(int count, int inFlight, Func<int, Task> send)
    {
        using var gate = new SemaphoreSlim(inFlight);
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await gate.WaitAsync();
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                try { await send(n); }
                finally { gate.Release(); }
            }));
        }
        await Task.WhenAll(tasks);
    }
}

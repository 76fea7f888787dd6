using System.Diagnostics;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// The RabbitMQ node ./test.sh started, controlled through the rabbitmqctl hook scripts/test-services.sh writes
/// (GATEWAY_TEST_RABBITMQ_CTL). <c>stop_app</c> closes every connection and the AMQP port but keeps the node and its
/// durable queues; <c>start_app</c> brings the broker back.
/// </summary>
public sealed class RabbitMqNode
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly string _ctl;

    private RabbitMqNode(string ctl) => _ctl = ctl;

    /// <summary>Fails (never skips) without the hook: a test that cannot stop the broker has not shown anything.</summary>
    public static RabbitMqNode FromEnvironment()
    {
        var ctl = Environment.GetEnvironmentVariable("GATEWAY_TEST_RABBITMQ_CTL");
        if (string.IsNullOrWhiteSpace(ctl))
            throw new InvalidOperationException("GATEWAY_TEST_RABBITMQ_CTL is not set: run ./test.sh, whose scripts/test-services.sh starts RabbitMQ " +
                                                "and exports a rabbitmqctl hook for it; this test stops and restarts the broker");
        if (!File.Exists(ctl)) throw new InvalidOperationException($"GATEWAY_TEST_RABBITMQ_CTL={ctl}: no such file");
        return new RabbitMqNode(ctl);
    }

    public Task StopAsync() => RunAsync("stop_app");

    public Task StartAsync() => RunAsync("start_app");

    private async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo(_ctl, [command]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var ctl = Process.Start(start) ?? throw new InvalidOperationException($"could not run {_ctl}");
        var stdout = ctl.StandardOutput.ReadToEndAsync();
        var stderr = ctl.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await ctl.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            ctl.Kill(entireProcessTree: true);
            throw new TimeoutException($"rabbitmqctl {command} did not finish within {CommandTimeout}");
        }
        if (ctl.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {command} exited with {ctl.ExitCode}: {await stdout}{await stderr}");
    }
}

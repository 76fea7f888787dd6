using System.Diagnostics;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// A control hook scripts/test-services.sh writes for a service it started (pg_ctl, rabbitmqctl with that service's
/// environment baked in), named by an environment variable. Missing hooks fail the test, never skip it: a test that
/// cannot stop the service has shown nothing.
/// </summary>
public sealed class ControlScript
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);
    private readonly string _path;

    private ControlScript(string path) => _path = path;

    public static ControlScript FromEnvironment(string variable)
    {
        var path = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidOperationException($"{variable} is not set: run ./test.sh, whose scripts/test-services.sh starts the services " +
                                                "and exports a control hook for each; this test stops and restarts one");
        if (!File.Exists(path)) throw new InvalidOperationException($"{variable}={path}: no such file");
        return new ControlScript(path);
    }

    /// <summary>Runs the hook with <paramref name="args"/>; its output, or an exception naming the exit code and output.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(_path, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {_path}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{_path} {string.Join(' ', args)} did not finish within {CommandTimeout}");
        }
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{_path} {string.Join(' ', args)} exited with {process.ExitCode}: {output}");
        return output;
    }
}

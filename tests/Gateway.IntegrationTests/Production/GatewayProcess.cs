using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// The gateway as a real, separate OS process (<c>dotnet Gateway.Host.dll</c>) on 127.0.0.1 and a port of its own,
/// so a test can crash it for real (SIGKILL) and start it again. Keeps the last lines of its output for failure
/// messages; disposing kills it if it still runs, so no test leaves a gateway behind.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public string Name { get; }
    public Uri BaseUrl { get; }
    public HttpClient Http { get; }
    public bool HasExited => _process.HasExited;

    private GatewayProcess(string name, Process process, Uri baseUrl)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
        Http = Support.GatewayHost.CheckedClient(baseUrl);
    }

    /// <summary>The host assembly the test project's build copies next to the tests (same build, same configuration).</summary>
    public static string HostAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Gateway.Host.dll");
            if (!File.Exists(path) || !File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
                throw new InvalidOperationException($"{path} (with its runtimeconfig.json) not found: build the solution first");
            return path;
        }
    }

    /// <summary>The same <c>dotnet</c> the tests run under (the SDK sets DOTNET_HOST_PATH for child processes).</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Starts a gateway with <paramref name="settings"/> (<c>--Key=value</c>) and waits until /health/ready answers 200.</summary>
    /// <param name="addressFromEnvironment">Name the listen address in <c>ASPNETCORE_URLS</c> (as containers do) instead of <c>--urls</c>.</param>
    public static async Task<GatewayProcess> StartAsync(string name, IEnumerable<string> settings, string workingDirectory, TimeSpan readyTimeout,
        bool addressFromEnvironment = false)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(HostAssembly);
        if (addressFromEnvironment) start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        else start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var setting in settings) start.ArgumentList.Add(setting);

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var gateway = new GatewayProcess(name, process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => gateway.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await gateway.WaitReadyAsync(readyTimeout);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
        return gateway;
    }

    /// <summary>A crash: SIGKILL, no shutdown, nothing flushed or released.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            throw new InvalidOperationException($"gateway {Name} (pid {_process.Id}) did not die after SIGKILL");
    }

    /// <summary>The last lines the process wrote (stdout and stderr), for failure messages.</summary>
    public string OutputTail(int lines = 40) =>
        $"---- last output of gateway {Name} ----{Environment.NewLine}{string.Join(Environment.NewLine, _output.TakeLast(lines))}";

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept) _output.TryDequeue(out _);
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"gateway {Name} exited with {_process.ExitCode} during startup{Environment.NewLine}{OutputTail()}");
            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"gateway {Name} not ready within {timeout}{Environment.NewLine}{OutputTail()}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        _process.Dispose();
    }
}

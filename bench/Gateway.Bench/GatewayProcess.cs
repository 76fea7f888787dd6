using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Bench;

/// <summary>
/// The gateway as its own process (the Release build of Host, <c>dotnet Gateway.Host.dll</c>) on 127.0.0.1, so its CPU
/// is measured apart from the driver's. Output goes to a log file in the run's temp folder.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public Uri BaseUrl { get; }
    public int Pid => _process.Id;
    public string LogPath { get; }

    private GatewayProcess(Process process, StreamWriter log, Uri baseUrl, string logPath)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
        LogPath = logPath;
    }

    public static async Task<GatewayProcess> StartAsync(string dll, IEnumerable<string> args, string workDir, TimeSpan startTimeout)
    {
        if (!File.Exists(dll)) throw new InvalidOperationException($"gateway build not found: {dll} (run: dotnet build -c Release Host)");
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add($"--urls={baseUrl}");
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_gcServer"] = "1";
        var logPath = Path.Combine(workDir, "gateway-console.log");
        var log = new StreamWriter(logPath) { AutoFlush = false };
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the gateway process");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new GatewayProcess(process, log, baseUrl, logPath);

        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var code = process.ExitCode;
                await gateway.DisposeAsync();
                throw new InvalidOperationException($"the gateway exited with {code} during start; see {logPath}");
            }
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return gateway;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await gateway.DisposeAsync();
        throw new TimeoutException($"the gateway was not ready within {startTimeout.TotalSeconds:0} s; see {logPath}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try { await _process.WaitForExitAsync(cts.Token); } catch (OperationCanceledException) { }
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}

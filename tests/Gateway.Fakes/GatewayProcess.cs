using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Fakes;

/// <summary>How to launch a gateway process beyond its settings; the defaults suit the integration tests.</summary>
public sealed record GatewayLaunch
{
    /// <summary>The host assembly; by default the one the caller's build copies next to it (same build, same configuration).</summary>
    public string? HostAssembly { get; init; }
    /// <summary>Name the listen address in <c>ASPNETCORE_URLS</c> (as containers do) instead of <c>--urls</c>.</summary>
    public bool AddressFromEnvironment { get; init; }
    /// <summary>Also write everything the process prints to this file (the bench keeps it beside its results).</summary>
    public string? LogFile { get; init; }
    /// <summary>The client <see cref="GatewayProcess.Http"/> is made with (the integration tests check every answer against
    /// the OpenAPI document); by default a plain one.</summary>
    public Func<Uri, HttpClient>? Client { get; init; }
    /// <summary>Extra environment variables for the process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The gateway as a real, separate OS process (<c>dotnet Gateway.Host.dll</c>) on 127.0.0.1 and a port of its own: the
/// one launcher of the integration tests (which crash it for real with SIGKILL and start it again) and the bench (which
/// measures its CPU apart from the driver's). Keeps the last lines of its output for failure messages; disposing kills it
/// if it still runs, so nothing leaves a gateway behind.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly StreamWriter? _log;

    public string Name { get; }
    public Uri BaseUrl { get; }
    public HttpClient Http { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string? LogFile { get; }

    private GatewayProcess(string name, Process process, Uri baseUrl, string? logFile, Func<Uri, HttpClient>? client)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
        LogFile = logFile;
        _log = logFile is null ? null : new StreamWriter(logFile) { AutoFlush = false };
        Http = client?.Invoke(baseUrl) ?? new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The host assembly the caller's build copies next to it.</summary>
    public static string HostAssembly => CheckedHostAssembly(Path.Combine(AppContext.BaseDirectory, "Gateway.Host.dll"));

    /// <summary>The same <c>dotnet</c> the caller runs under (the SDK sets DOTNET_HOST_PATH for child processes).</summary>
    public static string DotnetHost => System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Starts a gateway with <paramref name="settings"/> (<c>--Key=value</c>) and waits until /health/ready answers 200.</summary>
    public static async Task<GatewayProcess> StartAsync(string name, IEnumerable<string> settings, string workingDirectory, TimeSpan readyTimeout,
        GatewayLaunch? launch = null)
    {
        launch ??= new GatewayLaunch();
        var assembly = launch.HostAssembly is { } explicitAssembly ? CheckedHostAssembly(explicitAssembly) : HostAssembly;
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(assembly);
        if (launch.AddressFromEnvironment) start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        else start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        foreach (var (key, value) in launch.Environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var gateway = new GatewayProcess(name, process, new Uri($"http://127.0.0.1:{port}"), launch.LogFile, launch.Client);
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
        $"---- last output of gateway {Name}{(LogFile is null ? "" : $" (all of it in {LogFile})")} ----{System.Environment.NewLine}" +
        string.Join(System.Environment.NewLine, _output.TakeLast(lines));

    private static string CheckedHostAssembly(string path)
    {
        if (!File.Exists(path) || !File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
            throw new InvalidOperationException($"{path} (with its runtimeconfig.json) not found: build the solution first");
        return path;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept) _output.TryDequeue(out _);
        if (_log is not null) lock (_log) _log.WriteLine(line);
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        // What the last probe saw, for the timeout message: "not listening", "no answer" and a 503 with its checks are
        // three different faults.
        var lastProbe = "no probe yet";
        while (waited.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"gateway {Name} exited with {_process.ExitCode} during startup{System.Environment.NewLine}{OutputTail()}");
            var probe = Stopwatch.StartNew();
            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
                lastProbe = $"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                lastProbe = $"not listening yet ({ex.Message})";
            }
            catch (TaskCanceledException)
            {
                lastProbe = $"listening, no answer within {probe.Elapsed.TotalSeconds:0.0} s";
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"gateway {Name} not ready within {timeout}; last probe of /health/ready: {lastProbe}; {ProcessState()}" +
            $"{System.Environment.NewLine}{OutputTail()}");
    }

    /// <summary>
    /// For a start that timed out: whether the process was working (its CPU time so far) or waiting (its state and what the
    /// kernel has it waiting in), from /proc; a start seen to print nothing for a minute could not be told apart otherwise.
    /// </summary>
    private string ProcessState()
    {
        try
        {
            var pid = _process.Id;
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            var threads = Directory.GetDirectories($"/proc/{pid}/task").Length;
            var waits = Directory.GetDirectories($"/proc/{pid}/task")
                .Select(t => File.Exists($"{t}/wchan") ? File.ReadAllText($"{t}/wchan").Trim() : "?")
                .GroupBy(w => w).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ×{g.Count()}");
            return $"pid {pid}, state {fields[0]}, CPU {ticks / 100:0.0} s, {threads} threads waiting in: {string.Join(", ", waits)}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            return $"process state unavailable ({ex.Message})";
        }
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
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try { await _process.WaitForExitAsync(timeout.Token); } catch (OperationCanceledException) { }
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        _process.Dispose();
        if (_log is not null) lock (_log) _log.Dispose();
    }
}

using System.Globalization;

namespace Gateway.Bench;

/// <summary>CPU seconds (user + system) of processes, read from /proc (Linux): one pid, or every process with a given name.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    public static double Seconds(int pid) => TryRead(pid, out _, out var ticks) ? ticks / TicksPerSecond : 0;

    /// <summary>Sum over every process whose command name is one of <paramref name="names"/> (e.g. all PostgreSQL backends).</summary>
    public static double SecondsByName(params string[] names)
    {
        long total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (TryRead(pid, out var comm, out var ticks) && names.Contains(comm)) total += ticks;
        }
        return total / TicksPerSecond;
    }

    private static bool TryRead(int pid, out string comm, out long ticks)
    {
        comm = "";
        ticks = 0;
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
        // pid (comm) state ppid … : comm may hold spaces, so split after the last ')'.
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open) return false;
        comm = text[(open + 1)..close];
        var fields = text[(close + 2)..].Split(' ');
        // fields[0] is state (field 3); utime is field 14, stime field 15.
        ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return true;
    }
}

/// <summary>CPU used by each process of a run between two snapshots.</summary>
public sealed class CpuMeter(int gatewayPid)
{
    private readonly Dictionary<string, double> _start = Snapshot(gatewayPid);

    public static Dictionary<string, double> Snapshot(int gatewayPid) => new()
    {
        ["gateway"] = gatewayPid > 0 ? ProcessCpu.Seconds(gatewayPid) : 0,
        ["driver+fake-erps"] = ProcessCpu.Seconds(Environment.ProcessId),
        ["postgres"] = ProcessCpu.SecondsByName("postgres"),
        ["rabbitmq"] = ProcessCpu.SecondsByName("beam.smp", "erl_child_setup", "epmd"),
    };

    public Dictionary<string, double> Since() =>
        // By-name sums lose processes that exit during the run (other sessions' backends): never report below zero.
        Snapshot(gatewayPid).ToDictionary(kv => kv.Key, kv => Math.Max(0, Math.Round(kv.Value - _start.GetValueOrDefault(kv.Key), 2)));
}

using System.Globalization;

namespace Gateway.Bench;

/// <summary>CPU seconds (user + system) of processes, read from /proc (Linux): one pid, or every process with a given name.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    public static double Seconds(int pid) => TryRead(pid, out _, out var ticks) ? ticks / TicksPerSecond : 0;

    /// <summary>
    /// Sum over every process whose command name is one of <paramref name="names"/> (e.g. all PostgreSQL backends), with
    /// the CPU of their children that have exited: a backend that ends during a run (a pooled connection closed) moves
    /// its CPU into the postmaster's children's time instead of taking it out of the sum.
    /// </summary>
    public static double SecondsByName(params string[] names)
    {
        long total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (TryRead(pid, out var comm, out var ticks, withExitedChildren: true) && names.Contains(comm)) total += ticks;
        }
        return total / TicksPerSecond;
    }

    private static bool TryRead(int pid, out string comm, out long ticks, bool withExitedChildren = false)
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
        // cutime and cstime (fields 16, 17): children waited for.
        if (withExitedChildren) ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
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
        // A by-name sum still loses a process whose parent is not among the names (another session's): never below zero.
        Snapshot(gatewayPid).ToDictionary(kv => kv.Key, kv => Math.Max(0, Math.Round(kv.Value - _start.GetValueOrDefault(kv.Key), 2)));
}

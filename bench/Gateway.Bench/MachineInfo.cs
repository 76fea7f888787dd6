namespace Gateway.Bench;

/// <summary>The machine a run was measured on (Linux /proc).</summary>
public sealed record MachineInfo(int Cores, string CpuModel, double RamGiB, string Os, string Runtime)
{
    public static MachineInfo Read()
    {
        var model = ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memKb = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            ?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var ram = memKb is null ? 0 : Math.Round(double.Parse(memKb, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024, 1);
        return new MachineInfo(Environment.ProcessorCount, model, ram, System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}

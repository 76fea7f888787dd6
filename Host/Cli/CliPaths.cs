namespace Gateway.Cli;

/// <summary>
/// `dotnet run --project Host` runs in the Host folder, so a path typed relative to the shell's folder
/// (e.g. <c>config/samples/…</c> from the repository root) is looked up there too ($PWD), then from the
/// repository root.
/// </summary>
public static class CliPaths
{
    public static FileInfo Resolve(FileInfo given, string originalPath)
    {
        if (given.Exists || Path.IsPathRooted(originalPath)) return given;
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } shellDir) candidates.Add(Path.Combine(shellDir, originalPath));
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln"))) candidates.Add(Path.Combine(dir.FullName, originalPath));
        return candidates.Select(c => new FileInfo(c)).FirstOrDefault(f => f.Exists) ?? given;
    }
}

namespace Gateway.Application.Configuration;

/// <summary>
/// Finds <c>config/</c>: <c>Gateway:ConfigDir</c> when set (env <c>Gateway__ConfigDir</c> or <c>--Gateway:ConfigDir=</c>),
/// else <c>./config</c> in the working directory (so an operator's edits in a checkout win), else the copy
/// shipped next to the binary.
/// </summary>
public static class ConfigDirectory
{
    public static string Locate(string[] args)
    {
        var explicitDir = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2 && p[0].TrimStart('-') is "Gateway:ConfigDir" or "Gateway__ConfigDir").Select(p => p[1]).LastOrDefault()
            ?? Environment.GetEnvironmentVariable("Gateway__ConfigDir");
        if (!string.IsNullOrWhiteSpace(explicitDir)) return Path.GetFullPath(explicitDir);

        var inWorkingDir = Path.Combine(Directory.GetCurrentDirectory(), "config");
        if (File.Exists(Path.Combine(inWorkingDir, "appsettings.json"))) return inWorkingDir;
        return Path.Combine(AppContext.BaseDirectory, "config");
    }
}

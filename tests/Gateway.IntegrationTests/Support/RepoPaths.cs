namespace Gateway.IntegrationTests.Support;

/// <summary>Finds the repository (the folder holding Gateway.sln) so tests use the real config/ and samples.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Config => Path.Combine(Root, "config");
    public static string Sample(string portal, string file) => Path.Combine(Config, "samples", portal, file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln"))) return dir.FullName;
        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}

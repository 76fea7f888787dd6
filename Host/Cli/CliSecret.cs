namespace Gateway.Cli;

/// <summary>
/// Tokens and secrets for the CLI without putting them on the command line (where `ps` and shell history see them):
/// the option, else a file named by the <c>-file</c> option, else the environment variable, else a file named by
/// <c>&lt;VARIABLE&gt;_FILE</c> (the Docker/Kubernetes secrets convention). A file holds the value on its first line.
/// </summary>
public static class CliSecret
{
    public static string? Resolve(string? value, string? file, string variable)
    {
        if (!string.IsNullOrEmpty(value)) return value;
        if (!string.IsNullOrEmpty(file)) return FromFile(file, "the -file option");
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        return Environment.GetEnvironmentVariable(variable + "_FILE") is { Length: > 0 } path ? FromFile(path, "$" + variable + "_FILE") : null;
    }

    private static string? FromFile(string path, string source)
    {
        try
        {
            var text = File.ReadLines(path).FirstOrDefault()?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"cannot read the secret file {path} ({source}): {ex.Message}");
            return null;
        }
    }
}

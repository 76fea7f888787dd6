using System.Text.RegularExpressions;

namespace Gateway.Contracts.Identifiers;

/// <summary>投资项目代码 (GB/T 40058-2021): <c>YYYY-AAAAAA-NN-NN-NNNNNN</c>, AAAAAA = admin code.</summary>
public static partial class ProjectCode
{
    [GeneratedRegex(@"^(?<year>\d{4})-(?<admin>\d{6})-\d{2}-\d{2}-\d{5}[0-9A-Z]$")]
    private static partial Regex Shape();

    public static bool HasValidShape(string? code) => code is not null && Shape().IsMatch(code);

    /// <summary>The admin code inside a well-shaped project code, else null.</summary>
    public static string? AdminCodeOf(string? code)
    {
        if (code is null) return null;
        var m = Shape().Match(code);
        return m.Success ? m.Groups["admin"].Value : null;
    }
}

using System.Text.RegularExpressions;
using Gateway.Host.OpenApi;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Api;

/// <summary>
/// Every stable code the sources can answer as a problem is in the document's enumeration (ProblemCatalogue): codes
/// written at Problems.Result / Problems.WriteAsync, caller refusals, signature failures and lifecycle refusals.
/// </summary>
public sealed partial class ProblemCatalogueTests
{
    [GeneratedRegex(@"(?:Problems\.(?:Result|WriteAsync)\([^;""]*?|Refuse\(|SignatureCheck\.Fail\(|new\(StatusCodes\.\w+,\s*|NotAllowedCode = )""([A-Z][A-Z0-9_]+)""")]
    private static partial Regex CodeSite();

    [Fact]
    public void Every_problem_code_in_the_sources_is_in_the_document_enumeration()
    {
        var found = new[] { "Adapters", "Host", "Routing" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            // SOAP faults carry their codes in the fault, not in a problem.
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Soap{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "ProblemCatalogue.cs")
            .SelectMany(f => CodeSite().Matches(File.ReadAllText(f)).Select(m => (Code: m.Groups[1].Value, File: Path.GetFileName(f))))
            .ToList();
        Assert.True(found.Count > 20, $"only {found.Count} code sites found: the pattern no longer matches the sources");
        var missing = found.Where(c => !ProblemCatalogue.Codes.ContainsKey(c.Code)).Select(c => $"{c.Code} ({c.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, "codes answered but not in ProblemCatalogue (the Problem schema's enum):\n  " + string.Join("\n  ", missing));
    }
}

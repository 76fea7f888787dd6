using System.Xml.Linq;

namespace Gateway.UnitTests.Architecture;

/// <summary>
/// The project references are the architecture (docs/architecture.md): model, policy and lifecycle rules, edges, runtime
/// pieces, a thin host. A reference that points up or sideways fails here before it spreads.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Every product project and the only projects it may reference directly.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Contracts/Contracts.csproj"] = [],
        ["Routing/Routing.csproj"] = ["Contracts/Contracts.csproj"],
        ["Adapters/Adapters.csproj"] = ["Contracts/Contracts.csproj", "Routing/Routing.csproj"],
        ["Host/Application/Application.csproj"] = ["Contracts/Contracts.csproj", "Routing/Routing.csproj", "Adapters/Adapters.csproj"],
        ["Host/Store/Store.csproj"] = ["Host/Application/Application.csproj"],
        ["Host/Messaging/Messaging.csproj"] = ["Host/Application/Application.csproj"],
        ["Host/Cli/Cli.csproj"] = ["Host/Store/Store.csproj"],
        ["Host/Host.csproj"] =
        [
            "Contracts/Contracts.csproj", "Routing/Routing.csproj", "Adapters/Adapters.csproj", "Host/Application/Application.csproj",
            "Host/Store/Store.csproj", "Host/Messaging/Messaging.csproj", "Host/Cli/Cli.csproj",
        ],
    };

    [Fact]
    public void Every_product_project_is_known_and_references_only_what_its_layer_may()
    {
        var projects = Directory.GetFiles(TestRepo.Root, "*.csproj", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(p => !p.StartsWith("tests/", StringComparison.Ordinal) && !p.StartsWith("bench/", StringComparison.Ordinal)
                        && !p.Split('/').Any(part => part is "bin" or "obj" or "node_modules"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects);

        var violations = new List<string>();
        foreach (var project in projects)
            foreach (var reference in References(project))
                if (!Allowed[project].Contains(reference))
                    violations.Add($"{project} → {reference}");
        Assert.True(violations.Count == 0, "references against the layering: " + string.Join("; ", violations));
    }

    [Fact]
    public void Pure_layers_use_no_store_bus_or_web_framework()
    {
        // Contracts and Routing are the model, the policy and the lifecycle rules: no I/O frameworks at all.
        foreach (var project in new[] { "Contracts/Contracts.csproj", "Routing/Routing.csproj" })
        {
            var xml = XDocument.Load(Path.Combine(TestRepo.Root, project));
            Assert.Empty(xml.Descendants("PackageReference"));
            Assert.Empty(xml.Descendants("FrameworkReference"));
        }
    }

    [Fact]
    public void The_unit_tests_do_not_need_the_host()
    {
        Assert.DoesNotContain("Host/Host.csproj", References("tests/Gateway.UnitTests/Gateway.UnitTests.csproj"));
    }

    private static IEnumerable<string> References(string project)
    {
        var directory = Path.GetDirectoryName(Path.Combine(TestRepo.Root, project))!;
        return XDocument.Load(Path.Combine(TestRepo.Root, project)).Descendants("ProjectReference")
            .Select(r => Relative(Path.GetFullPath(Path.Combine(directory, r.Attribute("Include")!.Value.Replace('\\', '/')))));
    }

    private static string Relative(string path) => Path.GetRelativePath(TestRepo.Root, path).Replace('\\', '/');
}

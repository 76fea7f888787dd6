using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Api;

/// <summary>
/// /openapi/v1.json describes every REST endpoint the host actually serves (read from its route table, so endpoints
/// added later are covered without editing this test), every endpoint the operations agreement names, and passes a
/// standard OpenAPI validator (npm @apidevtools/swagger-parser, installed by ./test.sh in tests/openapi-validator).
/// </summary>
public sealed partial class OpenApiDocumentTests
{
    private static readonly string ValidatorDirectory = Path.Combine(RepoPaths.Root, "tests", "openapi-validator");

    /// <summary>specs/operations.md (and the portals' REST pushes of specs/portals.md), parameters written as {}.</summary>
    private static readonly string[] SpecEndpoints =
    [
        "GET /api/cases/{}", "GET /api/cases",
        "GET /api/admin/failed-messages", "GET /api/admin/failed-messages/groups", "GET /api/admin/failed-messages/{}",
        "POST /api/admin/failed-messages/{}/replay", "POST /api/admin/failed-messages/replay", "POST /api/admin/failed-messages/{}/discard",
        "GET /api/admin/counterparts", "GET /api/sla/due", "GET /health/live", "GET /health/ready",
        "POST /api/portals/zhejiang/applications", "POST /api/portals/henan/applications", "POST /api/portals/hubei/applications",
    ];

    [GeneratedRegex(@"\{\**([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private static string Normalize(string pattern) => RouteParameter().Replace("/" + pattern.Trim('/'), "{$1}");
    private static string Anonymous(string path) => RouteParameter().Replace(path, "{}");

    [Fact]
    public async Task The_document_lists_every_REST_endpoint_and_passes_a_standard_validator()
    {
        await using var host = await GatewayHost.StartAsync([]);
        using var response = await host.Http.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        var paths = JsonNode.Parse(text)!["paths"]!.AsObject();
        var documented = paths.SelectMany(p => p.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {Normalize(p.Key)}")).ToHashSet();

        // Every REST route the host serves: /api/** and /health/** (SOAP, WSDL, sandbox and the document itself are not REST API).
        var served = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) || raw.TrimStart('/').StartsWith("health/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        Assert.NotEmpty(served);
        var missing = served.Where(s => !documented.Contains(s)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "served but not in /openapi/v1.json:\n  " + string.Join("\n  ", missing));

        var documentedAnonymous = documented.Select(Anonymous).ToHashSet();
        var unspecified = SpecEndpoints.Where(s => !documentedAnonymous.Contains(s)).ToList();
        Assert.True(unspecified.Count == 0, "spec endpoints missing from /openapi/v1.json:\n  " + string.Join("\n  ", unspecified));

        var file = Path.Combine(Path.GetTempPath(), $"gateway-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, text);
        try
        {
            var (exitCode, output) = await RunValidatorAsync(file);
            Assert.True(exitCode == 0, $"OpenAPI validator: {output}");
            Assert.Contains("\"valid\":true", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunValidatorAsync(string file)
    {
        Assert.True(File.Exists(Path.Combine(ValidatorDirectory, "node_modules", "@apidevtools", "swagger-parser", "package.json")),
            "tests/openapi-validator has no node_modules: run ./test.sh (it runs npm install there)");
        var start = new ProcessStartInfo("node") { WorkingDirectory = ValidatorDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("validate.js");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}

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

    /// <summary>docs/operations.md (and the portals' REST pushes of docs/portals.md), parameters written as {}.</summary>
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

    [Fact]
    public async Task The_interactive_reference_is_served_on_the_embedded_profile_and_can_be_switched_off()
    {
        await using (var host = await GatewayHost.StartAsync([]))
        {
            var page = await host.Http.GetStringAsync("/scalar/");
            Assert.Contains("scalar.js", page);
            Assert.Contains("openapi/v1.json", page);
        }
        await using (var host = await GatewayHost.StartAsync([], "--Gateway:ApiReference:Enabled=false"))
        {
            using var response = await host.Http.GetAsync("/scalar/");
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            (await host.Http.GetAsync("/openapi/v1.json")).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task The_document_lints_clean_with_the_recommended_ruleset()
    {
        await using var host = await GatewayHost.StartAsync([]);
        var file = Path.Combine(Path.GetTempPath(), $"gateway-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await host.Http.GetStringAsync("/openapi/v1.json"));
        try
        {
            var (exitCode, output) = await RunLintAsync(file);
            Assert.True(exitCode == 0, $"redocly lint:\n{output}");
            // Clean: no error and no warning line (stylish format: "  28:9   warning  rule-name …").
            Assert.DoesNotMatch(new Regex(@"^\s*\d+:\d+\s+(warning|error)\s", RegexOptions.Multiline), output);
            Assert.Contains("Your API description is valid", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Done-when 1 of the API description: every body is a component schema, every REST operation declares its error
    /// answers as problems, and every operation says what security it needs (signature, bearer role, or none).
    /// </summary>
    [Fact]
    public async Task Every_operation_is_typed_secured_and_declares_its_errors()
    {
        await using var host = await GatewayHost.StartAsync([]);
        var document = JsonNode.Parse(await host.Http.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Contains("adminBearer", schemes.Select(s => s.Key));
        Assert.Contains("gwSignature", schemes.Select(s => s.Key));
        Assert.Contains("X-Gw-Signature", document["components"]!["securitySchemes"]!["gwSignature"]!["name"]!.GetValue<string>());
        Assert.NotNull(document["webhooks"]?["workOrder"]);
        Assert.NotNull(document["webhooks"]?["approvalRequest"]);
        Assert.NotNull(document["webhooks"]?["portalCallback"]);
        var codes = document["components"]!["schemas"]!["Problem"]!["properties"]!["code"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Contains("VALIDATION_FAILED", codes);
        Assert.Contains("NONCE_REPLAYED", codes);

        var problems = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, node) in item!.AsObject())
        {
            var operation = node!.AsObject();
            var name = $"{method.ToUpperInvariant()} {path}";
            if (operation["security"] is not JsonArray) problems.Add($"{name}: no security declared");
            var responses = operation["responses"]!.AsObject();
            foreach (var (status, response) in responses)
            foreach (var (mediaType, media) in response!["content"]?.AsObject() ?? [])
            {
                if (media!["schema"] is null) problems.Add($"{name} {status} {mediaType}: no schema");
                if (mediaType.Contains("json", StringComparison.Ordinal) && media["schema"]!["$ref"] is null && media["schema"]!["items"]?["$ref"] is null)
                    problems.Add($"{name} {status} {mediaType}: body is not a component schema");
            }
            foreach (var (mediaType, media) in operation["requestBody"]?["content"]?.AsObject() ?? [])
                if (mediaType.Contains("json", StringComparison.Ordinal) && media!["schema"]?["$ref"] is null)
                    problems.Add($"{name} request {mediaType}: body is not a component schema");
            if (!path.StartsWith("/api/", StringComparison.Ordinal)) continue;
            if (!responses.Any(r => r.Key.StartsWith('4') && r.Value!["content"]?["application/problem+json"] is not null))
                problems.Add($"{name}: no 4xx problem answer");
            if (operation["security"] is JsonArray { Count: > 0 } && responses["401"] is null)
                problems.Add($"{name}: secured but no 401");
            foreach (var status in new[] { "500", "503" })
                if (responses[status] is null) problems.Add($"{name}: no {status}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static Task<(int ExitCode, string Output)> RunValidatorAsync(string file) => RunNodeAsync("validate.js", file);

    /// <summary>Redocly CLI's lint (recommended ruleset, tests/openapi-validator/redocly.yaml), telemetry off.</summary>
    private static Task<(int ExitCode, string Output)> RunLintAsync(string file) =>
        RunNodeAsync(Path.Combine("node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", file, "--config", "redocly.yaml", "--format", "stylish");

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Path.Combine(ValidatorDirectory, "node_modules", "@apidevtools", "swagger-parser", "package.json"))
                    && File.Exists(Path.Combine(ValidatorDirectory, "node_modules", "@redocly", "cli", "package.json")),
            "tests/openapi-validator has no node_modules: run ./test.sh (it runs npm install there)");
        var start = new ProcessStartInfo("node") { WorkingDirectory = ValidatorDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}

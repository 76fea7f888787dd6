using System.Diagnostics;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Api;

/// <summary>
/// The document is good enough to build against: Kiota (the dotnet tool pinned in dotnet-tools.json, restored by
/// ./test.sh) generates a C# client from the host's /openapi/v1.json, tests/generated-client compiles it with an
/// integrator's program, and that program pushes the Zhejiang sample (signed), reads the case view (bearer token),
/// lists the failed messages and gets a refused push back as the generated Problem type.
/// </summary>
public sealed class GeneratedClientTests
{
    private static readonly string ClientDirectory = Path.Combine(RepoPaths.Root, "tests", "generated-client");

    [Fact]
    public async Task A_kiota_client_generated_from_the_document_pushes_reads_the_case_and_lists_failed_messages()
    {
        await using var host = await GatewayHost.StartAsync([]);
        var document = Path.Combine(Path.GetTempPath(), $"gateway-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await host.Http.GetStringAsync("/openapi/v1.json"));
        try
        {
            var generated = await RunAsync(RepoPaths.Root, "dotnet", "kiota", "generate", "-l", "CSharp", "-d", document,
                "-o", Path.Combine(ClientDirectory, "Generated"), "-n", "Gateway.Client", "-c", "GatewayApiClient",
                "--exclude-backward-compatible", "--clean-output");
            Assert.True(generated.ExitCode == 0, $"kiota generate:\n{generated.Output}");

            var built = await RunAsync(ClientDirectory, "dotnet", "build", "--nologo", "-v", "q");
            Assert.True(built.ExitCode == 0, $"the generated client does not compile:\n{built.Output}");

            var sample = Path.Combine(RepoPaths.Config, "samples", "zhejiang", "keqiao-factory.json");
            var run = await RunAsync(ClientDirectory, "dotnet", "run", "--no-build", "--", host.BaseUrl.ToString(), sample,
                GatewayHost.PortalSecret, GatewayHost.OperatorToken);
            Assert.True(run.ExitCode == 0, $"the generated client's program failed:\n{run.Output}");

            var result = JsonNode.Parse(run.Output.Split('\n').Last(l => l.TrimStart().StartsWith('{')))!;
            var caseId = result["caseId"]!.GetValue<string>();
            Assert.StartsWith("keqiao-", caseId);
            Assert.Equal(caseId, result["viewCaseId"]!.GetValue<string>());
            Assert.True(result["receiptDispatches"]!.GetValue<int>() > 0);
            Assert.Equal(result["receiptDispatches"]!.GetValue<int>(), result["viewDispatches"]!.GetValue<int>());
            Assert.False(string.IsNullOrEmpty(result["viewStatus"]?.GetValue<string>()));
            Assert.True(result["failedTotal"]!.GetValue<int>() >= 0);
            Assert.Equal("VALIDATION_FAILED", result["refusedCode"]?.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}

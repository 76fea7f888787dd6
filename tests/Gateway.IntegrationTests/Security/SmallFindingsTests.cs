using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Gateway.Application.Telemetry;
using Gateway.Cli;
using Gateway.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Security;

/// <summary>Issue 15's smaller findings that need a running host: metric tags, CLI secrets off the command line.</summary>
public sealed class SmallFindingsTests
{
    [Fact]
    public async Task Metric_tags_take_only_known_portal_ids_never_the_request_path()
    {
        await using var host = await GatewayHost.StartAsync([]);
        var meter = host.Services.GetRequiredService<GatewayMetrics>().Meter;
        var tags = new ConcurrentQueue<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (ReferenceEquals(instrument.Meter, meter)) l.EnableMeasurementEvents(instrument); },
        };
        listener.SetMeasurementEventCallback<long>((_, _, t, _) => { foreach (var tag in t) tags.Enqueue($"{tag.Key}={tag.Value}"); });
        listener.Start();

        var marker = "evil" + Guid.NewGuid().ToString("N")[..8];
        using (var unknown = await host.PushAsync($"/api/portals/{marker}/applications", GatewayHost.Utf8("{}")))
            Assert.True((int)unknown.StatusCode >= 400);
        using (var soap = await host.PushAsync($"/soap/{marker}", GatewayHost.Utf8("<x/>"), contentType: "text/xml"))
            Assert.True((int)soap.StatusCode >= 400);
        using (var rejected = await host.PushZhejiangAsync(GatewayHost.Utf8("""{"applyNo":"ZJBAD"}""")))
            Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);

        listener.RecordObservableInstruments();
        Assert.DoesNotContain(tags, t => t.Contains(marker, StringComparison.Ordinal));
        Assert.Contains("portal=zhejiang", tags);
    }

    [Fact]
    public async Task The_cli_reads_its_token_from_a_file()
    {
        await using var host = await GatewayHost.StartAsync([]);
        var file = Path.Combine(Path.GetTempPath(), "gw-token-" + Guid.NewGuid());
        await File.WriteAllTextAsync(file, GatewayHost.ViewerToken + "\n");
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await GatewayCli.RunAsync(["sla", "due", "--region", "keqiao", "--start", "2026-09-30T16:00:00+08:00", "--days", "1",
                "--url", host.BaseUrl.ToString(), "--token-file", file]);
        }
        finally
        {
            Console.SetOut(previous);
            File.Delete(file);
        }
        Assert.Equal(0, exit);
        Assert.Contains("2026-10-08T17:30:00+08:00", output.ToString());
    }
}

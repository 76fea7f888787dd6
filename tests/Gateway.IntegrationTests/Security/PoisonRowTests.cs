using System.Net;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.IntegrationTests.Security;

/// <summary>
/// One unreadable row — a case whose stored contact "looks sealed" but is not (what earlier code stored from a portal
/// as-is), and a malformed outbox message — must not stop anything else: the deadline sweep still marks every other
/// case, the relay and the consumers still serve new cases, the bad case's view, repeat push and re-sent dispatch
/// answer sensibly, and operators see both rows with a reason (GET /api/admin/parked, the failed-message list).
/// </summary>
public sealed class PoisonRowTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly string Forged = "sm4gcm:dev-only-key:" + Convert.ToBase64String(new byte[40]);

    private static byte[] WaterOnly(Action<JsonObject>? change = null) => GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-office-all-carriers.json"), s =>
    {
        s["applyNo"] = "ZJP" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        s["demands"] = new JsonArray(new JsonObject { ["type"] = "WATER", ["biz"] = "NEW", ["dailyTons"] = 35 });
        change?.Invoke(s);
    });

    private static int Count(JsonObject view, string type) => view["timeline"]!.AsArray().Count(t => (string?)t!["type"] == type);

    [Fact]
    public async Task One_unreadable_case_and_one_malformed_message_are_parked_and_everything_else_goes_on()
    {
        var clock = new SettableClock();
        clock.Set(new DateTimeOffset(2026, 11, 24, 10, 0, 0, Beijing)); // due Wednesday 17:30
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var portal = await FakeCounterpart.StartAsync("zhejiang-portal");
        await using var host = await GatewayHost.StartAsync([water], s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            "--Gateway:Deadlines:SweepMilliseconds=100",
            $"--Gateway:Portals:zhejiang:CallbackUrl={portal.BaseUrl}portal/callbacks", "--Gateway:Portals:zhejiang:Secret=test-callback-secret");

        var poisonBody = WaterOnly();
        var poison = await PushAsync(host, poisonBody);
        var healthy = await PushAsync(host, WaterOnly());
        foreach (var id in new[] { poison, healthy })
            await host.WaitForCaseAsync(id, v => (string?)v["dispatches"]![0]!["status"] == "ACKNOWLEDGED");

        await using (var db = new SqliteConnection($"Data Source={host.SqliteFile};Pooling=False;Default Timeout=30"))
        {
            await db.OpenAsync();
            await using var read = db.CreateCommand();
            read.CommandText = "SELECT application_json FROM cases WHERE case_id = $id";
            read.Parameters.AddWithValue("$id", poison);
            var app = JsonNode.Parse((string)(await read.ExecuteScalarAsync())!)!;
            app["applicant"]!["contact"] = Forged; // as earlier code stored a "sealed-looking" contact from a portal
            await Execute(db, "UPDATE cases SET application_json = $v WHERE case_id = $id", ("$v", app.ToJsonString()), ("$id", poison));
            // Its dispatch stalled mid-send (so recovery re-sends it), and a message nobody can read in the outbox.
            await Execute(db, "UPDATE dispatches SET status = 'SENT', lease_until = 0, acknowledged_at = NULL, external_ref = NULL WHERE case_id = $id", ("$id", poison));
            await Execute(db, "INSERT INTO outbox (message_id, message_type, payload, created_at) VALUES ($m, 'SendDispatch', 'not json', 0)",
                ("$m", Guid.NewGuid().ToString()));
        }

        // The bad case still reads (200, the contact marked unreadable) and a repeat push is still a duplicate.
        var view = await host.GetJsonAsync($"/api/cases/{poison}");
        Assert.Equal("（无法解密）", (string?)view["applicant"]!["contact"]);
        using (var again = await host.PushZhejiangAsync(poisonBody))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // Past the due time: the sweep marks the healthy case and tells its portal, whatever the bad row does.
        clock.Set(new DateTimeOffset(2026, 11, 25, 17, 31, 0, Beijing));
        await host.WaitForCaseAsync(healthy, v => Count(v, "DEADLINE_MISSED") == 1 && (bool)v["dispatches"]![0]!["overdue"]!);
        await Poll.UntilAsync(() => portal.Received.Any(r => r.BodyText.Contains(healthy, StringComparison.Ordinal) && r.BodyText.Contains("\"OVERDUE\"", StringComparison.Ordinal)),
            "the healthy case's OVERDUE callback");

        // The relay and the consumers still serve new cases.
        var later = await PushAsync(host, WaterOnly());
        await host.WaitForCaseAsync(later, v => (string?)v["dispatches"]![0]!["status"] == "ACKNOWLEDGED");

        // The bad case's re-sent dispatch fails for operators (not re-queued for ever) and the rows are parked with reasons.
        var bad = await host.WaitForCaseAsync(poison, v => (string?)v["dispatches"]![0]!["status"] == "FAILED");
        var failed = await host.GetJsonAsync("/api/admin/failed-messages?reason=UNREADABLE_DATA", GatewayHost.ViewerToken);
        Assert.Contains(failed["items"]!.AsArray(), f => (string?)f!["caseId"] == poison);
        JsonArray parked = [];
        await Poll.UntilAsync(async () =>
        {
            parked = (await host.GetNodeAsync("/api/admin/parked", GatewayHost.ViewerToken)).AsArray();
            return parked.Any(p => (string?)p!["kind"] == "OUTBOX_MESSAGE");
        }, "the malformed outbox message to be parked");
        var parkedCase = Assert.Single(parked, p => (string?)p!["kind"] == "CASE");
        Assert.Equal(poison, (string?)parkedCase!["caseId"]);
        Assert.Equal("UNREADABLE_DATA", (string?)parkedCase["reason"]);
        Assert.Contains("applicant.contact", (string?)parkedCase["detail"]);
        Assert.Equal("MALFORMED_PAYLOAD", (string?)parked.Single(p => (string?)p!["kind"] == "OUTBOX_MESSAGE")!["reason"]);
        Assert.Equal(1, Count(bad, "DEADLINE_MISSED"));

        // Releasing is an operator's act; a released outbox message is queued again (still unreadable here, so parked again).
        var message = (string)parked.Single(p => (string?)p!["kind"] == "OUTBOX_MESSAGE")!["rowId"]!;
        var release = $"/api/admin/parked/OUTBOX_MESSAGE/{message}/release";
        using (var denied = await Post(host, release, GatewayHost.ViewerToken))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using (var unknown = await Post(host, "/api/admin/parked/OUTBOX_MESSAGE/no-such-message/release", GatewayHost.OperatorToken))
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var wrongKind = await Post(host, $"/api/admin/parked/SOMETHING/{message}/release", GatewayHost.OperatorToken))
            Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        var released = await host.PostJsonAsync(release, new JsonObject());
        Assert.Equal(message, (string?)released["rowId"]);
        // Release deleted the row: seeing it again means the relay tried the message again.
        await Poll.UntilAsync(async () => (await host.GetNodeAsync("/api/admin/parked", GatewayHost.ViewerToken)).AsArray()
            .Any(p => (string?)p!["rowId"] == message), "the released message to be tried again and parked anew");
    }

    [Fact]
    public async Task A_dispatch_the_miss_sweep_cannot_process_is_parked_alone_and_the_others_are_marked()
    {
        var clock = new SettableClock();
        clock.Set(new DateTimeOffset(2026, 11, 24, 10, 0, 0, Beijing)); // due Wednesday 17:30
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water], s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            "--Gateway:Deadlines:SweepMilliseconds=100");
        var healthy = await PushAsync(host, WaterOnly());
        await host.WaitForCaseAsync(healthy, v => (string?)v["dispatches"]![0]!["status"] == "ACKNOWLEDGED");
        // A dispatch whose case row is gone (as after a botched manual repair): its miss cannot be recorded.
        await using (var db = new SqliteConnection($"Data Source={host.SqliteFile};Pooling=False;Default Timeout=30"))
        {
            await db.OpenAsync();
            await Execute(db, "CREATE TEMP TABLE orphan AS SELECT * FROM dispatches WHERE case_id = $id", ("$id", healthy));
            await Execute(db, "UPDATE orphan SET dispatch_id = 'dsp-orphan', case_id = 'keqiao-20261124-ORPHAN00'");
            // The copy holds the computed column too (schema step 12), which an insert may not supply.
            await Execute(db, "ALTER TABLE orphan DROP COLUMN requeueable");
            await Execute(db, "INSERT INTO dispatches SELECT * FROM orphan");
        }

        clock.Set(new DateTimeOffset(2026, 11, 25, 17, 31, 0, Beijing));
        await host.WaitForCaseAsync(healthy, v => Count(v, "DEADLINE_MISSED") == 1);
        JsonArray parked = [];
        await Poll.UntilAsync(async () =>
        {
            parked = (await host.GetNodeAsync("/api/admin/parked", GatewayHost.ViewerToken)).AsArray();
            return parked.Any(p => (string?)p!["rowId"] == "dsp-orphan");
        }, "the orphan dispatch to be parked");
        var row = parked.Single(p => (string?)p!["rowId"] == "dsp-orphan")!;
        Assert.Equal("DISPATCH", (string?)row["kind"]);
        Assert.Equal("UNPROCESSABLE_ROW", (string?)row["reason"]);
        // Parked once: its miss stays marked, so later sweeps do not take it again.
        await Task.Delay(500);
        Assert.Equal(1, (int)(await host.GetNodeAsync("/api/admin/parked", GatewayHost.ViewerToken)).AsArray().Single(p => (string?)p!["rowId"] == "dsp-orphan")!["times"]!);
    }

    [Fact]
    public async Task A_contact_that_looks_sealed_is_sealed_like_any_other_and_reads_back_as_sent()
    {
        await using var water = await FakeCounterpart.StartAsync("keqiao-water");
        await using var host = await GatewayHost.StartAsync([water]);
        var body = WaterOnly(s => s["applicant"]!["contact"] = Forged);
        var caseId = await PushAsync(host, body);
        var view = await host.WaitForCaseAsync(caseId, v => (string?)v["dispatches"]![0]!["status"] == "ACKNOWLEDGED");
        Assert.Equal(Forged, (string?)view["applicant"]!["contact"]);
        using (var again = await host.PushZhejiangAsync(body))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // The work order carried it as text, and the store holds it sealed under the gateway's own format.
        Assert.Contains(water.Received, r => r.BodyText.Contains(Forged, StringComparison.Ordinal));
        await using var db = new SqliteConnection($"Data Source={host.SqliteFile};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT application_json FROM cases WHERE case_id = $id";
        read.Parameters.AddWithValue("$id", caseId);
        var stored = (string)(await read.ExecuteScalarAsync())!;
        Assert.DoesNotContain(Forged, stored);
        Assert.StartsWith("sm4gcm2:", (string?)JsonNode.Parse(stored)!["applicant"]!["contact"]);
    }

    private static async Task<string> PushAsync(GatewayHost host, byte[] body)
    {
        using var pushed = await host.PushZhejiangAsync(body);
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        return (string)(await GatewayHost.ReadJsonAsync(pushed))["caseId"]!;
    }

    private static async Task Execute(SqliteConnection db, string sql, params (string Name, object Value)[] args)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in args) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<HttpResponseMessage> Post(GatewayHost host, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await host.Http.SendAsync(request);
    }
}

using Gateway.Application.Callbacks;
using System.Text.Json.Nodes;
using Dapper;
using Gateway.Application.Instances;
using Gateway.Application.Store;
using Gateway.Fakes;
using Gateway.IntegrationTests.Store.Explained;
using Gateway.IntegrationTests.Support;
using Gateway.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Xunit.Abstractions;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// Issue 19, "flat as the store grows": on the production profile, with thousands of finished cases already in
/// PostgreSQL, every statement the store runs for one case — intake, the sends and acknowledgements of its work orders,
/// its portal callbacks, the relay's claim and mark, the case view — is run under <c>EXPLAIN (ANALYZE)</c> as it
/// happens, and no plan node may read more rows than the case itself has, nor scan a growing table sequentially.
/// </summary>
public sealed class StorePlanTests(ITestOutputHelper output)
{
    private const int FinishedCases = 3000;

    /// <summary>Entries per live row a bitmap index scan may meet: insert, take and acknowledgement, each also explained.</summary>
    private const int DeadVersionAllowance = 6;

    /// <summary>Tables that grow with every case.</summary>
    private static readonly string[] Growing = ["cases", "case_policies", "dispatches", "timeline", "portal_callbacks", "outbox", "nonces", "failed_messages", "clocks"];

    /// <summary>Store methods run on timers or by operators, not per case (their costs are bounded by their batches).</summary>
    private static readonly HashSet<string> NotPerCase =
    [
        "BeatAsync", "MarkStoppedAsync", "LiveInstancesAsync", "MigrateAsync", "TryTakeStartLockAsync", "PingAsync", "ReadGaugesAsync", "CounterpartLoadAsync",
        "RaiseDeadlineWarningsAsync", "RaiseMissedDeadlinesAsync", "RaiseClockWarningsAsync", "RaiseClockMissesAsync",
        "RequeueStalledDispatchesAsync", "RequeueFailedPortalCallbacksAsync", "DeleteExpiredNoncesAsync", "DeletePublishedOutboxAsync",
        "GetProvisionalDispatchesAsync", "GetProvisionalClocksAsync", "CountProvisionalAsync", "ListCasesAsync", "ListParkedAsync",
    ];

    [Fact]
    public async Task No_statement_a_case_uses_reads_more_rows_than_the_case_has_with_thousands_of_finished_cases_in_the_store()
    {
        var args = await ProductionInfrastructure.NewDeploymentArgsAsync();
        const string storeArg = "--ConnectionStrings:Store=";
        var store = args.Single(a => a.StartsWith(storeArg, StringComparison.Ordinal))[storeArg.Length..];
        var recorder = new PlanRecorder();
        var fakes = new List<FakeCounterpart>();
        foreach (var id in KeqiaoGateway.Utilities) fakes.Add(await FakeCounterpart.StartAsync(id));
        try
        {
            await using var host = await GatewayHost.StartAsync(fakes, services => services.Replace(ServiceDescriptor.Singleton<IGatewayStore>(sp =>
                    new SqlGatewayStore(() => new Explained.NpgsqlConnection(sp.GetRequiredService<NpgsqlDataSource>().CreateConnection(), recorder),
                        SqlDialect.Postgres, sp.GetRequiredService<TimeProvider>())
                    {
                        Protector = sp.GetService<PersonalDataProtector>(), Instance = sp.GetService<GatewayInstance>(),
                        CallbackTargets = sp.GetRequiredService<PortalCallbackTargets>(),
                    })),
                args);
            output.WriteLine(await StorePrefill.RunAsync(store, FinishedCases, host.Clock.GetUtcNow().ToUnixTimeMilliseconds()));

            recorder.Recording = true;
            var body = GatewayHost.Variant(GatewayHost.LoadSample("zhejiang", "keqiao-factory.json"),
                s => s["applyNo"] = "ZJT" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant());
            using var response = await host.PushZhejiangAsync(body);
            var caseId = (string)(await GatewayHost.ReadJsonAsync(response))["caseId"]!;
            await host.WaitForCaseAsync(caseId, v => (string?)v["status"] == "DISPATCHED", TimeSpan.FromSeconds(30));
            await using var db = new Npgsql.NpgsqlConnection(store);
            await Poll.UntilAsync(async () => await db.ExecuteScalarAsync<long>(
                "SELECT (SELECT COUNT(*) FROM outbox WHERE published_at IS NULL) + (SELECT COUNT(*) FROM portal_callbacks WHERE case_id = @caseId AND status = 'PENDING')",
                new { caseId }) == 0, "the outbox drained and the case's callbacks marked");
            await host.GetJsonAsync($"/api/cases/{caseId}");
            recorder.Recording = false;

            // The most rows the case has in any one table; its outbox messages are one per dispatch and per callback.
            var caseRows = await db.QuerySingleAsync<(long Dispatches, long Timeline, long Callbacks)>("""
                SELECT (SELECT COUNT(*) FROM dispatches WHERE case_id = @caseId), (SELECT COUNT(*) FROM timeline WHERE case_id = @caseId),
                       (SELECT COUNT(*) FROM portal_callbacks WHERE case_id = @caseId)
                """, new { caseId });
            var bound = Math.Max(caseRows.Timeline, caseRows.Dispatches + caseRows.Callbacks);
            var perCase = recorder.Statements.Where(s => !NotPerCase.Contains(s.Method)).ToList();
            output.WriteLine($"case {caseId}: {caseRows.Dispatches} dispatches, {caseRows.Timeline} timeline lines, {caseRows.Callbacks} callbacks; " +
                             $"{perCase.Count} statements explained ({perCase.Select(s => s.Sql).Distinct().Count()} distinct), bound {bound} rows per node");

            var problems = new List<string>();
            foreach (var statement in perCase)
                foreach (var node in Nodes(JsonNode.Parse(statement.PlanJson)!.AsArray()[0]!["Plan"]!))
                {
                    var read = ((double?)node["Actual Rows"] ?? 0) + ((double?)node["Rows Removed by Filter"] ?? 0)
                               + ((double?)node["Rows Removed by Index Recheck"] ?? 0) + ((double?)node["Rows Removed by Join Filter"] ?? 0);
                    read *= (double?)node["Actual Loops"] ?? 1;
                    var type = (string?)node["Node Type"];
                    var relation = (string?)node["Relation Name"];
                    if (type == "Seq Scan" && relation is not null && Growing.Contains(relation))
                        problems.Add($"{statement.Method}: sequential scan of {relation} ({read} rows): {Short(statement.Sql)}");
                    // A bitmap index scan counts index entries, dead ones too: earlier versions of the case's own rows (a
                    // status change writes a new version) and the rolled-back explained runs of this test. Rows of other
                    // cases would show in thousands.
                    else if (read > (type == "Bitmap Index Scan" ? DeadVersionAllowance * bound : bound))
                        problems.Add($"{statement.Method}: {type} {relation} {node["Index Name"]} read {read} rows (bound {bound}): {Short(statement.Sql)}");
                }
            foreach (var group in perCase.GroupBy(s => s.Method).OrderBy(g => g.Key))
                output.WriteLine($"  {group.Key}: {group.Count()}");
            // Every step of the case's path was seen (statements are named by the innermost store method running them).
            foreach (var step in new[] { "TryRememberAllAsync", "TakeDispatchesAsync", "RecordAcknowledgementsAsync",
                         "ClaimOutboxAsync", "MarkOutboxPublishedAsync", "GetCaseDocumentAsync" })
                Assert.True(perCase.Any(s => s.Method == step), $"no statement of {step} was explained");
            // The intake's rows are written by the shared row writer (InsertRowsAsync): seen by their statement.
            Assert.True(perCase.Any(s => s.Sql.StartsWith("INSERT INTO cases", StringComparison.Ordinal)), "the intake's INSERT INTO cases was not explained");
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
        }
        finally
        {
            foreach (var fake in fakes) await fake.DisposeAsync();
        }
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode plan)
    {
        yield return plan;
        if (plan["Plans"] is JsonArray children)
            foreach (var child in children)
                foreach (var node in Nodes(child!))
                    yield return node;
    }

    private static string Short(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 200 ? flat[..200] + "…" : flat;
    }

}

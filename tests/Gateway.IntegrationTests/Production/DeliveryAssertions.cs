using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using Gateway.IntegrationTests.Support;
using Npgsql;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// What "nothing lost, nothing sent twice, no deadline lost" means for a deployment, checked against the shared
/// PostgreSQL store (the source of truth) and against what the fake ERPs actually received.
/// </summary>
public static class DeliveryAssertions
{
    private sealed record StoredDispatch(string DispatchId, string CaseId, string CounterpartId, string Status, string? ExternalRef,
        long DueAt, long DueFrom, long WarnAt, long? WarnedAt, long? MissedAt, int Overdue);

    /// <summary>Polls the store until every dispatch is ACKNOWLEDGED; fails with the status breakdown and the instances' output.</summary>
    public static async Task WaitUntilAllAcknowledgedAsync(MultiInstanceDeployment deployment, int expectedDispatches, TimeSpan timeout)
    {
        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        var clock = Stopwatch.StartNew();
        Dictionary<string, long> byStatus;
        do
        {
            byStatus = (await db.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM dispatches GROUP BY status"))
                .ToDictionary(r => r.Status, r => r.Count);
            if (byStatus.Values.Sum() == expectedDispatches && byStatus.GetValueOrDefault("ACKNOWLEDGED") == expectedDispatches) return;
            await Task.Delay(500);
        } while (clock.Elapsed < timeout);
        Assert.Fail($"after {timeout.TotalSeconds:0}s not all {expectedDispatches} dispatches are ACKNOWLEDGED: " +
                    $"{string.Join(", ", byStatus.Select(s => $"{s.Key}={s.Value}"))}{Environment.NewLine}{deployment.OutputTails()}");
    }

    /// <summary>
    /// Polls until the outbox holds nothing unpublished: every message was published and marked, by exactly one relay
    /// (a relay that publishes but never marks would re-publish everything after each claim lease).
    /// </summary>
    public static async Task WaitUntilOutboxDrainedAsync(MultiInstanceDeployment deployment, TimeSpan timeout)
    {
        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        var clock = Stopwatch.StartNew();
        long unpublished;
        do
        {
            unpublished = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL");
            if (unpublished == 0) return;
            await Task.Delay(500);
        } while (clock.Elapsed < timeout);
        Assert.Fail($"after {timeout.TotalSeconds:0}s {unpublished} outbox messages are still unpublished{Environment.NewLine}{deployment.OutputTails()}");
    }

    /// <summary>
    /// Every accepted case is in the store and no other; every promised dispatch is ACKNOWLEDGED with the order number
    /// its counterpart created, keeps the due time the receipt promised and its warning/missed bookkeeping; every fake
    /// created exactly one work order (one 201) per dispatch id and none for anything else.
    /// </summary>
    /// <param name="sentOnlyOnce">
    /// Also require one request per dispatch id over the wire: true for runs without a crash, where neither the two
    /// relays nor the two consumers may ever send the same dispatch twice. After a crash a re-send under the same key
    /// (answered 409) is the designed recovery.
    /// </param>
    public static async Task AssertEachWorkOrderDeliveredOnceAsync(MultiInstanceDeployment deployment, IReadOnlyList<AcceptedApplication> accepted,
        bool sentOnlyOnce)
    {
        Assert.Equal(accepted.Count, accepted.Select(a => a.ApplyNo).Distinct().Count());
        Assert.Equal(accepted.Count, accepted.Select(a => a.CaseId).Distinct().Count());
        var promised = accepted.SelectMany(a => a.Dispatches).ToDictionary(d => d.DispatchId);

        await using var db = new NpgsqlConnection(deployment.StoreConnectionString);
        var storedCases = (await db.QueryAsync<string>("SELECT case_id FROM cases")).ToHashSet();
        var lost = accepted.Where(a => !storedCases.Contains(a.CaseId)).Select(a => a.CaseId).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} accepted cases are not in the store: {string.Join(", ", lost.Take(10))}");
        Assert.Equal(accepted.Count, storedCases.Count);

        var stored = (await db.QueryAsync<StoredDispatch>("""
            SELECT dispatch_id AS DispatchId, case_id AS CaseId, counterpart_id AS CounterpartId, status AS Status, external_ref AS ExternalRef,
                   due_at AS DueAt, due_from AS DueFrom, warn_at AS WarnAt, warned_at AS WarnedAt, missed_at AS MissedAt, overdue AS Overdue
            FROM dispatches
            """)).ToDictionary(d => d.DispatchId);
        Assert.Equal(promised.Keys.Order(), stored.Keys.Order());

        var problems = new List<string>();
        foreach (var (id, p) in promised)
        {
            var s = stored[id];
            var fake = deployment.Fakes[p.CounterpartId];
            if (s.CounterpartId != p.CounterpartId) problems.Add($"{id}: counterpart {s.CounterpartId}, receipt said {p.CounterpartId}");
            if (s.Status != "ACKNOWLEDGED") problems.Add($"{id}: {s.Status}");
            if (!fake.OrdersByIdempotencyKey.TryGetValue(id, out var orderNo) || s.ExternalRef != orderNo)
                problems.Add($"{id}: externalRef {s.ExternalRef}, {p.CounterpartId} created {orderNo ?? "no order"}");
            if (s.DueAt != p.DueAt.ToUnixTimeMilliseconds()) problems.Add($"{id}: dueAt {s.DueAt}, receipt promised {p.DueAt.ToUnixTimeMilliseconds()}");
            if (s.WarnAt < s.DueFrom || s.WarnAt > s.DueAt) problems.Add($"{id}: warnAt {s.WarnAt} outside [{s.DueFrom}, {s.DueAt}]");
            if (s.WarnedAt is { } warned && warned < s.WarnAt) problems.Add($"{id}: warned at {warned} before its warning time {s.WarnAt}");
            if (s.MissedAt is not null || s.Overdue != 0) problems.Add($"{id}: marked missed/overdue although due at {s.DueAt}");
        }
        Assert.True(problems.Count == 0, $"{problems.Count} dispatch problems:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(20))}");

        foreach (var fake in deployment.Fakes.Values)
        {
            var expectedKeys = promised.Values.Where(p => p.CounterpartId == fake.Id).Select(p => p.DispatchId).Order().ToList();
            var created = fake.Received.Where(r => r.Answer.Status == 201).GroupBy(r => r.Header("Idempotency-Key")).ToList();
            var twice = created.Where(g => g.Count() > 1).Select(g => $"{g.Key}×{g.Count()}").ToList();
            Assert.True(twice.Count == 0, $"{fake.Id} created a work order more than once for: {string.Join(", ", twice.Take(10))}");
            Assert.Equal(expectedKeys, created.Select(g => g.Key).Order().ToList());
            Assert.Equal(expectedKeys, fake.OrdersByIdempotencyKey.Keys.Order().ToList());
            // A repeat is only ever the same key sent again and answered 409 with the existing order (the fakes answer
            // nothing else unless a test scripts it): never a second work order.
            var otherAnswers = fake.Received.Where(r => r.Answer.Status is not (201 or 409)).Select(r => $"{r.Header("Idempotency-Key")}→{r.Answer.Status}").ToList();
            Assert.True(otherAnswers.Count == 0, $"{fake.Id} answered other than 201/409: {string.Join(", ", otherAnswers.Take(10))}");
            if (sentOnlyOnce)
            {
                var resent = fake.Received.GroupBy(r => r.Header("Idempotency-Key")).Where(g => g.Count() > 1).Select(g => $"{g.Key}×{g.Count()}").ToList();
                Assert.True(resent.Count == 0, $"{fake.Id} received the same dispatch more than once: {string.Join(", ", resent.Take(10))}");
            }
        }
    }

    /// <summary>Every instance answers the case list with the same total: they share one store.</summary>
    public static async Task AssertEveryInstanceSeesAllCasesAsync(MultiInstanceDeployment deployment, int expectedCases)
    {
        foreach (var instance in deployment.Instances)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases?pageSize=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GatewayHost.OperatorToken);
            using var response = await instance.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"gateway {instance.Name}: GET /api/cases → {(int)response.StatusCode} {text}");
            Assert.Equal(expectedCases, (int)JsonNode.Parse(text)!["total"]!);
        }
    }
}

using Dapper;
using Gateway.Application.Store;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Gateway.IntegrationTests.Support;
using Gateway.Routing.Lifecycle;
using Gateway.Store;
using Npgsql;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// Issue 19's group commit: <see cref="IDispatchStore.RecordAcknowledgementsAsync"/> records a batch of acknowledgements
/// in one transaction exactly as one-by-one recording would (a case's acknowledgements in the batch decided in turn), and
/// never waits for a case another transaction holds (PostgreSQL). Real databases both.
/// </summary>
public sealed class AcknowledgementBatchTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static SettableClock PinnedClock()
    {
        var clock = new SettableClock();
        clock.Set(Start);
        return clock;
    }

    [Fact]
    public async Task Embedded_a_batch_records_like_one_by_one_with_a_cases_acknowledgements_in_turn()
    {
        await SqliteStoreFile.RunAsync(PinnedClock(), BatchRecordsLikeOneByOneAsync);
    }

    [Fact]
    public async Task Production_a_batch_records_like_one_by_one_with_a_cases_acknowledgements_in_turn()
    {
        await using var source = NpgsqlDataSource.Create(await ProductionInfrastructure.CreateDatabaseAsync());
        await BatchRecordsLikeOneByOneAsync(new SqlGatewayStore(source.CreateConnection, SqlDialect.Postgres, PinnedClock()));
    }

    [Fact]
    public async Task Production_a_batch_never_waits_for_a_case_another_transaction_holds()
    {
        await using var source = NpgsqlDataSource.Create(await ProductionInfrastructure.CreateDatabaseAsync());
        var store = new SqlGatewayStore(source.CreateConnection, SqlDialect.Postgres, PinnedClock());
        await store.MigrateAsync(CancellationToken.None);
        var held = await NewCaseAsync(store, "held", 1);
        var free = await NewCaseAsync(store, "free", 1);
        var acks = new[] { await TakeAndAnswerAsync(store, held[0]), await TakeAndAnswerAsync(store, free[0]) };

        await using (var other = await source.OpenConnectionAsync())
        await using (var tx = await other.BeginTransactionAsync())
        {
            await other.ExecuteAsync("SELECT case_id FROM cases WHERE case_id = @caseId FOR UPDATE", new { caseId = held[0].CaseId }, tx);
            // Without SKIP LOCKED this would wait for the other transaction, which the test holds open: the timeout fails it.
            var left = await store.RecordAcknowledgementsAsync(acks, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal([acks[0]], left);
            Assert.Equal(CaseStatus.Dispatched, (await store.GetCaseAsync(free[0].CaseId, CancellationToken.None))!.Status);
            await tx.RollbackAsync();
        }
        // The one-by-one path records what the batch left, once the case is free.
        await store.RecordAcknowledgementAsync(acks[0].Sending, acks[0].OrderNo, acks[0].At, acks[0].Actor, CancellationToken.None);
        Assert.Equal(CaseStatus.Dispatched, (await store.GetCaseAsync(held[0].CaseId, CancellationToken.None))!.Status);
    }

    private static async Task BatchRecordsLikeOneByOneAsync(SqlGatewayStore store)
    {
        await store.MigrateAsync(CancellationToken.None);
        var a = await NewCaseAsync(store, "a", 2);
        var b = await NewCaseAsync(store, "b", 1);
        var c = await NewCaseAsync(store, "c", 3);
        var a1 = await TakeAndAnswerAsync(store, a[0]);
        var a2 = await TakeAndAnswerAsync(store, a[1]);
        var b1 = await TakeAndAnswerAsync(store, b[0]);
        var c1 = await TakeAndAnswerAsync(store, c[0]);
        var c3 = await TakeAndAnswerAsync(store, c[2]);

        // Both of a's receipts, b's only one, two of c's three.
        var left = await store.RecordAcknowledgementsAsync([a1, b1, c3, a2, c1], CancellationToken.None);

        Assert.Empty(left);
        await AssertAcknowledgedAsync(store, a1, a2, b1, c1, c3);
        Assert.Equal(CaseStatus.Dispatched, (await store.GetCaseAsync(a[0].CaseId, CancellationToken.None))!.Status);
        Assert.Equal(CaseStatus.Dispatched, (await store.GetCaseAsync(b[0].CaseId, CancellationToken.None))!.Status);
        Assert.Equal(CaseStatus.Accepted, (await store.GetCaseAsync(c[0].CaseId, CancellationToken.None))!.Status);
        // a's DISPATCHED line once, after both receipts, as one by one would write it.
        var aTimeline = (await store.GetTimelineAsync(a[0].CaseId, CancellationToken.None)).Select(t => t.Type).ToList();
        Assert.Equal(TimelineType.Dispatched, aTimeline[^1]);
        Assert.Single(aTimeline, t => t == TimelineType.Dispatched);
        Assert.DoesNotContain(TimelineType.Dispatched, (await store.GetTimelineAsync(c[0].CaseId, CancellationToken.None)).Select(t => t.Type));

        // c's last receipt in a batch of its own makes it DISPATCHED.
        var c2 = await TakeAndAnswerAsync(store, c[1]);
        Assert.Empty(await store.RecordAcknowledgementsAsync([c2], CancellationToken.None));
        await AssertAcknowledgedAsync(store, c2);
        Assert.Equal(CaseStatus.Dispatched, (await store.GetCaseAsync(c[0].CaseId, CancellationToken.None))!.Status);
        // A repeated acknowledgement (a redelivered message) changes nothing.
        Assert.Empty(await store.RecordAcknowledgementsAsync([b1], CancellationToken.None));
        Assert.Single(await store.GetTimelineAsync(b[0].CaseId, CancellationToken.None), t => t.Type == TimelineType.DispatchAcknowledged);
        Assert.Single(await store.GetPortalCallbacksAsync(b[0].CaseId, CancellationToken.None), c => c.Event == PortalEventNames.DispatchReceipt);
    }

    private static async Task AssertAcknowledgedAsync(SqlGatewayStore store, params Acknowledgement[] acks)
    {
        foreach (var ack in acks)
        {
            var dispatch = (await store.GetDispatchAsync(ack.Sending.DispatchId, CancellationToken.None))!;
            Assert.Equal(DispatchStatus.Acknowledged, dispatch.Status);
            Assert.Equal(ack.OrderNo, dispatch.ExternalRef);
            var timeline = (await store.GetTimelineAsync(ack.Sending.CaseId, CancellationToken.None)).Where(t => t.DispatchId == ack.Sending.DispatchId).ToList();
            Assert.Single(timeline, t => t.Type == TimelineType.DispatchSent);
            Assert.Single(timeline, t => t.Type == TimelineType.DispatchAcknowledged && t.Detail!.Contains(ack.OrderNo));
            Assert.Single(await store.GetPortalCallbacksAsync(ack.Sending.CaseId, CancellationToken.None),
                c => c.Event == PortalEventNames.DispatchReceipt && c.Payload.Contains(ack.OrderNo));
        }
    }

    private static async Task<Acknowledgement> TakeAndAnswerAsync(SqlGatewayStore store, DispatchRow dispatch)
    {
        var at = Start.ToUnixTimeMilliseconds() + 1000;
        var take = await store.TakeDispatchAsync(dispatch.DispatchId, at, at + 60_000, CancellationToken.None);
        Assert.NotNull(take);
        return new Acknowledgement(take.Sending, $"ORD-{dispatch.DispatchId}", at + 500, $"counterpart:{dispatch.CounterpartId}");
    }

    /// <summary>An accepted case with <paramref name="workOrders"/> pending work orders, each to its own counterpart.</summary>
    private static async Task<List<DispatchRow>> NewCaseAsync(SqlGatewayStore store, string name, int workOrders)
    {
        var caseId = $"case-{name}-{Guid.NewGuid():N}"[..30];
        var at = Start.ToUnixTimeMilliseconds();
        var row = new CaseRow
        {
            CaseId = caseId, Portal = "zhejiang", PortalApplicationNo = "ZJ" + caseId, ContentHash = caseId, Region = "keqiao",
            Status = CaseStatus.Accepted, ReceiptNo = "R" + caseId, AcceptedAt = at, UpdatedAt = at, ApplicationJson = "{}", ReceiptJson = "{}",
        };
        var dispatches = Enumerable.Range(0, workOrders).Select(i => new DispatchRow
        {
            DispatchId = $"{caseId}-d{i}", CaseId = caseId, Ordinal = i, CounterpartId = $"counterpart-{i}", Kind = DispatchKind.WorkOrder,
            Service = "water", SlaStep = "WORK_ORDER", Status = DispatchStatus.Pending, CreatedAt = at, DueAt = DispatchRow.NoDue, WarnAt = DispatchRow.NoDue,
        }).ToList();
        Assert.True(await store.TryInsertCaseAsync(new NewCase(row, dispatches, [], [], [], "{}"), CancellationToken.None));
        return dispatches;
    }
}

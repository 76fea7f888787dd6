using Gateway.Application.Store;
using Gateway.Contracts.Lifecycle;
using Gateway.IntegrationTests.Support;
using Gateway.Routing.Lifecycle;
using Gateway.Store;
using Npgsql;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// Issue 19's intake group commit: <see cref="ICaseStore.TryInsertCasesAsync"/> inserts a batch of accepted cases in one
/// transaction exactly as one-by-one inserts would: a portal application number already taken (before, or earlier in the
/// batch) inserts nothing of that case and does not stop the others. Real databases both.
/// </summary>
public sealed class IntakeBatchTests
{
    private static readonly long At = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)).ToUnixTimeMilliseconds();

    [Fact]
    public async Task Embedded_a_batch_inserts_each_new_case_with_all_it_holds_and_nothing_of_a_taken_number()
    {
        await SqliteStoreFile.RunAsync(new SettableClock(), BatchInsertsLikeOneByOneAsync);
    }

    [Fact]
    public async Task Production_a_batch_inserts_each_new_case_with_all_it_holds_and_nothing_of_a_taken_number()
    {
        await using var source = NpgsqlDataSource.Create(await ProductionInfrastructure.CreateDatabaseAsync());
        await BatchInsertsLikeOneByOneAsync(new SqlGatewayStore(source.CreateConnection, SqlDialect.Postgres, new SettableClock()));
    }

    [Fact]
    public async Task Production_two_batches_side_by_side_holding_the_same_numbers_each_insert_one_case_per_number()
    {
        // IntakeBatcher writes two batches at once on PostgreSQL. Batches that hold the same two numbers in opposite order
        // must not deadlock (the rows are inserted in the order of their numbers), and each number is inserted once.
        await using var source = NpgsqlDataSource.Create(await ProductionInfrastructure.CreateDatabaseAsync());
        var store = new SqlGatewayStore(source.CreateConnection, SqlDialect.Postgres, new SettableClock());
        await store.MigrateAsync(CancellationToken.None);
        for (var round = 0; round < 20; round++)
        {
            var (x, y) = ($"ZJ-X{round}", $"ZJ-Y{round}");
            var first = new[] { NewCase("x1", x), NewCase("y1", y) };
            var second = new[] { NewCase("y2", y), NewCase("x2", x) };
            var both = await Task.WhenAll(
                Task.Run(() => store.TryInsertCasesAsync(first, CancellationToken.None)),
                Task.Run(() => store.TryInsertCasesAsync(second, CancellationToken.None)));

            var inserted = first.Concat(second).Zip(both[0].Concat(both[1])).Where(p => p.Second).Select(p => p.First.Case.PortalApplicationNo).ToList();
            Assert.Equal(new[] { x, y }.Order(), inserted.Order());
        }
    }

    private static async Task BatchInsertsLikeOneByOneAsync(SqlGatewayStore store)
    {
        await store.MigrateAsync(CancellationToken.None);
        var earlier = NewCase("earlier", "ZJ-1");
        Assert.True(await store.TryInsertCaseAsync(earlier, CancellationToken.None));

        var a = NewCase("a", "ZJ-2");
        var b = NewCase("b", "ZJ-3");
        var sameAsA = NewCase("same-as-a", "ZJ-2");
        var sameAsEarlier = NewCase("same-as-earlier", "ZJ-1");
        var inserted = await store.TryInsertCasesAsync([a, sameAsEarlier, b, sameAsA], CancellationToken.None);

        Assert.Equal([true, false, true, false], inserted);
        foreach (var kept in new[] { a, b })
        {
            Assert.Equal(kept.Case.ReceiptNo, (await store.GetCaseAsync(kept.Case.CaseId, CancellationToken.None))!.ReceiptNo);
            Assert.Equal(kept.Dispatches.Select(d => d.DispatchId), (await store.GetDispatchesAsync(kept.Case.CaseId, CancellationToken.None)).Select(d => d.DispatchId));
            Assert.NotNull(await store.GetCasePolicyAsync(kept.Case.CaseId, CancellationToken.None));
            Assert.Equal(kept.Timeline.Select(t => t.Detail), (await store.GetTimelineAsync(kept.Case.CaseId, CancellationToken.None)).Select(t => t.Detail));
            Assert.Equal(kept.Callbacks.Select(c => c.EventId), (await store.GetPortalCallbacksAsync(kept.Case.CaseId, CancellationToken.None)).Select(c => c.EventId));
        }
        foreach (var refused in new[] { sameAsA, sameAsEarlier })
        {
            Assert.Null(await store.GetCaseAsync(refused.Case.CaseId, CancellationToken.None));
            Assert.Empty(await store.GetDispatchesAsync(refused.Case.CaseId, CancellationToken.None));
            Assert.Null(await store.GetCasePolicyAsync(refused.Case.CaseId, CancellationToken.None));
            Assert.Empty(await store.GetTimelineAsync(refused.Case.CaseId, CancellationToken.None));
            Assert.Empty(await store.GetPortalCallbacksAsync(refused.Case.CaseId, CancellationToken.None));
        }
        // Outbox: the sends of the cases inserted, nothing of the others.
        var outbox = (await store.ClaimOutboxAsync("test", 100, At, At + 60_000, CancellationToken.None)).Select(m => m.MessageId).ToHashSet();
        Assert.Equal(new[] { earlier, a, b }.SelectMany(c => c.Outbox).Select(m => m.MessageId).ToHashSet(), outbox);

        // A conversion of an intent may lose its race and roll back only its own case: it is never batched.
        await Assert.ThrowsAsync<ArgumentException>(() => store.TryInsertCasesAsync(
            [NewCase("c", "ZJ-4") with { Intent = new IntentConversion("int-x", new TimelineEntry(At, TimelineType.Accepted, "gateway", "x")) }],
            CancellationToken.None));
    }

    /// <summary>An accepted case with two work orders, a timeline line, their outbox messages and a callback.</summary>
    private static NewCase NewCase(string name, string applicationNo)
    {
        var caseId = $"case-{name}-{Guid.NewGuid():N}"[..30];
        var row = new CaseRow
        {
            CaseId = caseId, Portal = "zhejiang", PortalApplicationNo = applicationNo, ContentHash = caseId, Region = "keqiao",
            Status = CaseStatus.Accepted, ReceiptNo = "R" + caseId, AcceptedAt = At, UpdatedAt = At, ApplicationJson = "{}", ReceiptJson = "{}",
        };
        var dispatches = Enumerable.Range(0, 2).Select(i => new DispatchRow
        {
            DispatchId = $"{caseId}-d{i}", CaseId = caseId, Ordinal = i, CounterpartId = $"counterpart-{i}", Kind = DispatchKind.WorkOrder,
            Service = "water", SlaStep = "WORK_ORDER", Status = DispatchStatus.Pending, CreatedAt = At, DueAt = DispatchRow.NoDue, WarnAt = DispatchRow.NoDue,
        }).ToList();
        var outbox = dispatches.Select(d => new OutboxRow { MessageId = Guid.NewGuid().ToString(), MessageType = "SendDispatch", Payload = "{}", CreatedAt = At }).ToList();
        var callback = new PortalCallbackRow
        {
            EventId = $"cb-{caseId}", CaseId = caseId, Portal = "zhejiang", Event = "ACCEPTED", Payload = "{}", Status = CallbackStatus.Recorded, CreatedAt = At,
        };
        return new NewCase(row, dispatches, [new TimelineEntry(At, TimelineType.Accepted, "portal:zhejiang", $"受理 {caseId}")], outbox, [callback], "{}");
    }
}

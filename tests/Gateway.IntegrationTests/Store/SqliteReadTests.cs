using Gateway.Application.Store;
using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;
using Gateway.IntegrationTests.Support;
using Gateway.Routing.Lifecycle;
using Microsoft.Data.Sqlite;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// Issue 19 on the embedded profile: the store's lookups (the intake's repeat check, the case view) read on connections of
/// their own beside the one gated writer, so they neither queue behind a write nor hold one up, and see only what is committed.
/// </summary>
public sealed class SqliteReadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Embedded_reads_go_on_while_a_write_transaction_is_open_and_see_only_what_is_committed()
    {
        var clock = new SettableClock();
        clock.Set(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        await SqliteStoreFile.RunAsync(clock, connection => connection, async (store, file) =>
        {
            await store.MigrateAsync(CancellationToken.None);
            var at = clock.GetUtcNow().ToUnixTimeMilliseconds();
            Assert.True(await store.TryInsertCaseAsync(new NewCase(new CaseRow
            {
                CaseId = "read-case", Portal = "zhejiang", PortalApplicationNo = "ZJREAD", ContentHash = "h", Region = "keqiao",
                Status = CaseStatus.Accepted, ReceiptNo = "R1", AcceptedAt = at, UpdatedAt = at, ApplicationJson = "{}", ReceiptJson = "{}",
            }, [], [], [], [], "{}"), CancellationToken.None));

            // Another connection holds SQLite's one write lock, with a change not yet committed.
            using var writer = new SqliteConnection($"Data Source={file};Pooling=False");
            writer.Open();
            using var write = writer.BeginTransaction(deferred: false);
            using (var update = writer.CreateCommand())
            {
                update.Transaction = write;
                update.CommandText = $"UPDATE cases SET status = '{WireName.Of(CaseStatus.Closed)}' WHERE case_id = 'read-case'";
                Assert.Equal(1, update.ExecuteNonQuery());
            }
            try
            {
                // SQLite's calls complete before they return: run them off this thread so a wait shows as a timeout.
                var document = await Task.Run(() => store.GetCaseDocumentAsync("read-case", CancellationToken.None)).WaitAsync(Patience);
                Assert.Equal(CaseStatus.Accepted, document!.Case.Status);
                var found = await Task.Run(() => store.FindCaseByPortalApplicationAsync("zhejiang", "ZJREAD", CancellationToken.None)).WaitAsync(Patience);
                Assert.Equal("read-case", found!.CaseId);
            }
            finally
            {
                write.Rollback();
            }
        });
    }
}

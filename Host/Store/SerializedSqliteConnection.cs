using Microsoft.Data.Sqlite;

using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
namespace Gateway.Store;

/// <summary>
/// A SQLite connection that holds the store's one in-process gate while open. SQLite has one writer at a time;
/// left to contend, Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping the thread 150 ms and trying again, which
/// under load turned milliseconds of work into seconds of waiting (see docs/performance.md). Queued on an async gate
/// instead, each connection runs at once when its turn comes. Other processes on the same file still meet the
/// ordinary busy handling.
/// </summary>
public sealed class SerializedSqliteConnection(string connectionString, SemaphoreSlim gate) : SqliteConnection(connectionString)
{
    /// <summary>Longer than any store operation; reaching it means a store method opened a second connection while holding one.</summary>
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(60);
    private bool _held;

    /// <summary>
    /// WAL + synchronous=NORMAL: a commit survives a crash of the gateway (not of the machine's power) without an fsync per
    /// commit; the checkpoint syncs. The embedded profile's trade-off, see docs/performance.md.
    /// </summary>
    private static readonly string Settings =
        $"PRAGMA synchronous=NORMAL; {SqliteConnectionSettings.MemoryMappedReads}; PRAGMA wal_autocheckpoint={BackstopCheckpointPages}";

    /// <summary>
    /// The log's size (pages) at which a commit checkpoints it itself. The host checkpoints in the background
    /// (<see cref="SqliteCheckpointer"/>); this is the backstop, for a store used without the host or a checkpointer fallen behind.
    /// </summary>
    public const int BackstopCheckpointPages = 10_000;

    public override void Open()
    {
        if (!gate.Wait(GateTimeout)) throw new TimeoutException("the SQLite store gate was not free within 60 s");
        OpenHeld();
    }

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (!await gate.WaitAsync(GateTimeout, cancellationToken)) throw new TimeoutException("the SQLite store gate was not free within 60 s");
        OpenHeld();
    }

    private void OpenHeld()
    {
        _held = true;
        try
        {
            base.Open();
            SqliteConnectionSettings.ApplyOnce(this, Settings);
        }
        catch
        {
            ReleaseGate();
            throw;
        }
    }

    public override void Close()
    {
        try
        {
            base.Close();
        }
        finally
        {
            ReleaseGate();
        }
    }

    private void ReleaseGate()
    {
        if (!_held) return;
        _held = false;
        gate.Release();
    }
}

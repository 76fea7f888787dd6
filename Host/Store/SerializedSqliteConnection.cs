using System.Data;
using Microsoft.Data.Sqlite;

namespace Gateway.Store;

/// <summary>
/// The embedded store's one writer: a SQLite connection that holds the store's in-process gate while open. SQLite has one
/// writer at a time; left to contend, Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping the thread 150 ms and trying
/// again, which under load turned milliseconds of work into seconds of waiting (see docs/performance.md). Queued on its
/// gate instead (<see cref="WriterGate"/>), each store operation runs as soon as its turn comes. Other processes on the same
/// file still meet the ordinary busy handling.
/// <para>
/// One instance serves the store for its whole life (<see cref="SqliteStoreWriter"/>): <c>Open</c> takes the gate and
/// <c>Close</c> gives it back, while the native connection stays open, and with it every statement already compiled
/// (<see cref="CreateCommand"/>). Microsoft.Data.Sqlite keeps a compiled statement only as long as its command object, so
/// each store call compiled its SQL again: about a tenth of the embedded gateway's CPU at 100 cases/s, under the gate.
/// </para>
/// </summary>
public sealed class SerializedSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>The store's turn (<see cref="WriterGate"/>): taken by <c>Open</c>, given back by <c>Close</c>.</summary>
    private readonly WriterGate _gate = new();

    /// <summary>Longer than any store operation; reaching it means a store method opened a second connection while holding one.</summary>
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Distinct statement texts kept compiled; texts past it (a rare list length) are compiled for each use, as before.</summary>
    private const int KeptStatements = 512;

    private readonly Dictionary<string, KeptStatement> _statements = new(StringComparer.Ordinal);
    private bool _held;
    private bool _closedForGood;

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
        _gate.Enter(GateTimeout);
        OpenHeld();
    }

    public override async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.EnterAsync(GateTimeout, cancellationToken).ConfigureAwait(false); // resumed on the gate's thread, whoever the caller
        OpenHeld();
    }

    private void OpenHeld()
    {
        _held = true;
        try
        {
            ObjectDisposedException.ThrowIf(_closedForGood, this);
            if (State == ConnectionState.Open) return;
            base.Open();
            SqliteConnectionSettings.ApplyOnce(this, Settings);
        }
        catch
        {
            ReleaseGate();
            throw;
        }
    }

    /// <summary>Ends this store operation's turn: a transaction it left open is rolled back; the connection stays open.</summary>
    public override void Close()
    {
        if (!_held) return;
        try
        {
            Transaction?.Dispose();
        }
        finally
        {
            ReleaseGate();
        }
    }

    /// <summary>
    /// Ends the turn (as <see cref="Close"/>) and, on the gate's thread, leaves it: the rest of the store call and its caller
    /// go on on the thread pool, and the gate's thread resumes the next holder at once (<see cref="WriterGate"/>).
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        Close();
        if (_gate.IsGateThread) await Task.Yield();
    }

    /// <summary>
    /// Closes the native connection once the operation holding the gate (if any) is done; later opens fail. An operation
    /// still holding it after <see cref="GateTimeout"/> keeps it: the process is ending, and that operation may yet finish.
    /// </summary>
    public void CloseForGood()
    {
        try { _gate.Enter(GateTimeout); }
        catch (TimeoutException) { return; }
        try
        {
            _closedForGood = true;
            _statements.Clear();
            base.Close(); // disposes every command of the connection, the kept statements with them
        }
        finally
        {
            _gate.Exit();
            _gate.Dispose();
        }
    }

    private void ReleaseGate()
    {
        if (!_held) return;
        _held = false;
        _gate.Exit();
    }

    /// <summary>A command that runs on this connection's compiled statement for its text (kept on first use).</summary>
    public override SqliteCommand CreateCommand() => new ReusingCommand(this) { CommandTimeout = DefaultTimeout, Transaction = Transaction };

    /// <summary>The kept statement for <paramref name="sql"/>; null when it is in use (an open reader) or <see cref="KeptStatements"/> are kept.</summary>
    private KeptStatement? Statement(string sql)
    {
        if (_statements.TryGetValue(sql, out var kept)) return kept.InUse ? null : kept;
        if (_statements.Count >= KeptStatements) return null;
        kept = new KeptStatement(sql, this);
        _statements.Add(sql, kept);
        return kept;
    }

    /// <summary>A statement kept compiled: its parameters are those of the command that runs it, each time.</summary>
    private sealed class KeptStatement(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        public bool InUse => DataReader is not null;
    }

    /// <summary>
    /// What callers (Dapper, the store) are given: parameters and transaction are set on it as on any command, and it runs
    /// them on the kept statement. Not attached to the connection unless it must compile its own (no kept statement free):
    /// the connection's list of commands is searched through each time one is disposed.
    /// </summary>
    private sealed class ReusingCommand(SerializedSqliteConnection owner) : SqliteCommand
    {
        // As SqliteCommand's own, less its check of the connection this command is not attached to.
        public override int ExecuteNonQuery()
        {
            var reader = ExecuteReader(CommandBehavior.Default);
            reader.Dispose();
            return reader.RecordsAffected;
        }

        public override object? ExecuteScalar()
        {
            using var reader = ExecuteReader(CommandBehavior.Default);
            return reader.Read() ? reader.GetValue(0) : null;
        }

        public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
        {
            if (owner.Statement(CommandText) is not { } kept)
            {
                Connection ??= owner;
                return base.ExecuteReader(behavior);
            }
            kept.Transaction = Transaction;
            kept.CommandTimeout = CommandTimeout;
            kept.Parameters.Clear();
            foreach (SqliteParameter parameter in Parameters) kept.Parameters.Add(parameter);
            return kept.ExecuteReader(behavior);
        }
    }
}

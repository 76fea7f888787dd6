using System.Collections.Concurrent;
using Gateway.Application.Instances;
using Gateway.IntegrationTests.Support;
using Gateway.Store;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Gateway.IntegrationTests.Store;

/// <summary>
/// Instances start one at a time (<see cref="StartGate"/>, docs/operations.md "Starting instances"): a second instance
/// on the same PostgreSQL store waits, saying so, until the first has left the gate or died; SQLite never waits.
/// </summary>
public sealed class StartGateTests
{
    [Fact]
    public async Task A_second_instance_waits_until_the_first_has_started_and_says_so()
    {
        var database = await ProductionInfrastructure.CreateDatabaseAsync();
        await using var sourceA = NpgsqlDataSource.Create(database);
        await using var sourceB = NpgsqlDataSource.Create(database);
        var logB = new Lines<StartGate>();
        await using var first = new StartGate(Store(sourceA), new Lines<StartGate>());
        await using var second = new StartGate(Store(sourceB), logB);

        await first.EnterAsync(CancellationToken.None);
        var entering = second.EnterAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(entering.IsCompleted, "the second instance entered while the first was still starting");
        Assert.Contains(logB.All, l => l.Contains("Another instance is starting", StringComparison.Ordinal));

        await first.LeaveAsync();
        await entering.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains(logB.All, l => l.Contains("The other instance finished starting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_instance_that_dies_while_starting_lets_the_next_one_start()
    {
        var database = await ProductionInfrastructure.CreateDatabaseAsync();
        var sourceA = NpgsqlDataSource.Create(database);
        await using var sourceB = NpgsqlDataSource.Create(database);
        var dying = new StartGate(Store(sourceA), new Lines<StartGate>());
        await using var second = new StartGate(Store(sourceB), new Lines<StartGate>());

        await dying.EnterAsync(CancellationToken.None);
        var entering = second.EnterAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(entering.IsCompleted);

        // Its sessions end without a word, as a killed process's do.
        await using (var admin = new NpgsqlConnection(database))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                """
                SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = 7303604 AND granted
                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, admin);
            await kill.ExecuteNonQueryAsync();
        }
        await entering.WaitAsync(TimeSpan.FromSeconds(5));
        await sourceA.DisposeAsync();
    }

    [Fact]
    public async Task Embedded_never_waits()
    {
        await SqliteStoreFile.RunAsync(new SettableClock(), async store =>
        {
            await using var first = new StartGate(store, new Lines<StartGate>());
            await using var second = new StartGate(store, new Lines<StartGate>());
            await first.EnterAsync(CancellationToken.None);
            await second.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
        });
    }

    private static SqlGatewayStore Store(NpgsqlDataSource source) => new(source.CreateConnection, SqlDialect.Postgres, new SettableClock());

    /// <summary>What a gate logged, as text.</summary>
    private sealed class Lines<T> : ILogger<T>
    {
        private readonly ConcurrentQueue<string> _lines = new();
        public IReadOnlyCollection<string> All => _lines;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception));
    }
}

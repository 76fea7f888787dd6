using System.Net;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Security;
using Gateway.IntegrationTests.Support;
using Gateway.Application.Instances;
using Gateway.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.IntegrationTests.Store;

/// <summary>Housekeeping deletes spent nonces and published outbox rows past their retention, and nothing else.</summary>
public sealed class StoreHousekeepingTests
{
    [Fact]
    public async Task Spent_nonces_and_published_outbox_rows_past_retention_are_deleted_and_unpublished_ones_kept()
    {
        var clock = new SettableClock();
        clock.Set(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(8))); // any instant: nothing here depends on today
        await using var host = await GatewayHost.StartAsync([], s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            [.. PortalPushes.CallerSecretArgs(), "--Gateway:Sandbox:Enabled=true", "--Gateway:Housekeeping:OutboxRetentionHours=1",
             "--Gateway:Housekeeping:BatchSize=2", "--Gateway:Sandbox:StepMilliseconds=3600000"]);
        foreach (var portal in new[] { "hubei", "zhejiang" })
            using (var pushed = await host.Http.SendAsync(new SignedCall(portal, SampleBodies.Fresh(portal)) { At = clock.GetUtcNow() }.ToRequest()))
                Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        await Poll.UntilAsync(async () => await CountAsync(host, "outbox WHERE published_at IS NULL") == 0, "every outbox row published");
        var published = await CountAsync(host, "outbox");
        Assert.True(published >= 2, $"{published} outbox rows");
        // A row not published yet (as during a broker outage) is never purged, however old; claimed by this live instance
        // for a long while, so that the relay leaves it alone during the test.
        var self = host.Services.GetRequiredService<GatewayInstance>().Id;
        await ExecAsync(host, "INSERT INTO outbox (message_id, message_type, payload, created_at, claimed_by, claimed_until) " +
            $"VALUES ('msg-unpublished', 'SendDispatch', '{{}}', 0, '{self}', {long.MaxValue / 2})");

        var housekeeping = host.Services.GetRequiredService<StoreHousekeeping>();
        Assert.Equal((0, 0), await housekeeping.RunOnceAsync(CancellationToken.None));   // nothing expired yet

        clock.Set(clock.GetUtcNow().AddMinutes(16));                                      // nonces: 15-minute window
        Assert.Equal((2, 0), await housekeeping.RunOnceAsync(CancellationToken.None));
        clock.Set(clock.GetUtcNow().AddHours(1));                                         // outbox: 1-hour retention
        var cutoff = clock.GetUtcNow().AddHours(-1).ToUnixTimeMilliseconds();
        var (_, outbox) = await housekeeping.RunOnceAsync(CancellationToken.None);
        // Every row published before the cutoff went, in batches of 2 (a late acknowledgement's callback may add one more).
        Assert.True(outbox >= published, $"{outbox} deleted, {published} published before");
        Assert.Equal(0, await CountAsync(host, $"outbox WHERE published_at IS NOT NULL AND published_at < {cutoff}"));
        Assert.Equal(0, await CountAsync(host, "nonces"));
        Assert.Equal(1, await CountAsync(host, "outbox WHERE message_id = 'msg-unpublished'"));
    }


    private static async Task<long> CountAsync(GatewayHost host, string from)
    {
        await using var db = new SqliteConnection($"Data Source={host.SqliteFile};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = $"SELECT COUNT(*) FROM {from}";
        return (long)(await query.ExecuteScalarAsync())!;
    }

    private static async Task ExecAsync(GatewayHost host, string sql)
    {
        await using var db = new SqliteConnection($"Data Source={host.SqliteFile};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

using System.Net;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.IntegrationTests.Security;

/// <summary>Nonces live in the store: a restart does not reopen a replay window, and a nonce is free again after 15 minutes.</summary>
public sealed class NonceDurabilityTests
{
    [Fact]
    public async Task A_spent_nonce_stays_spent_across_a_restart_for_rest_and_soap()
    {
        await using var host = await GatewayHost.StartAsync([], [.. PortalPushes.CallerSecretArgs(), "--Gateway:Sandbox:Enabled=true"]);
        var rest = new SignedCall("hubei", SampleBodies.Fresh("hubei"));
        var soap = new SignedCall("project-approval", SampleBodies.Fresh("project-approval"));
        using (var first = await host.Http.SendAsync(rest.ToRequest())) Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using (var first = await host.Http.SendAsync(soap.ToRequest())) Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await host.RestartAsync();

        using (var replay = await host.Http.SendAsync((rest with { At = DateTimeOffset.UtcNow }).ToRequest()))
            Assert.Equal((HttpStatusCode.Unauthorized, "NONCE_REPLAYED"), (replay.StatusCode, await SignatureCodesTests.CodeOfAsync("hubei", replay)));
        using (var replay = await host.Http.SendAsync((soap with { At = DateTimeOffset.UtcNow }).ToRequest()))
            Assert.Equal((HttpStatusCode.Unauthorized, "NONCE_REPLAYED"), (replay.StatusCode, await SignatureCodesTests.CodeOfAsync("project-approval", replay)));
        // A nonce is per access key: another caller may use the same one.
        using (var other = await host.Http.SendAsync(new SignedCall("zhejiang", SampleBodies.Fresh("zhejiang")) { Nonce = rest.Nonce }.ToRequest()))
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        // What makes it durable: the row in the store, expiring 15 minutes after it was seen.
        await using var db = new SqliteConnection($"Data Source={host.SqliteFile};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT expires_at FROM nonces WHERE access_key = 'hubei' AND nonce = $n";
        query.Parameters.AddWithValue("$n", rest.Nonce);
        var expires = DateTimeOffset.FromUnixTimeMilliseconds((long)(await query.ExecuteScalarAsync())!);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task A_nonce_is_accepted_again_once_its_15_minutes_are_over()
    {
        var clock = new SettableClock();
        clock.Set(DateTimeOffset.UtcNow);
        await using var host = await GatewayHost.StartAsync([], s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)),
            [.. PortalPushes.CallerSecretArgs(), "--Gateway:Sandbox:Enabled=true"]);
        var body = SampleBodies.Fresh("hubei");
        var call = new SignedCall("hubei", body) { At = clock.GetUtcNow() };
        using (var first = await host.Http.SendAsync(call.ToRequest())) Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        clock.Set(clock.GetUtcNow().AddMinutes(14));
        using (var replay = await host.Http.SendAsync((call with { At = clock.GetUtcNow() }).ToRequest()))
            Assert.Equal("NONCE_REPLAYED", await SignatureCodesTests.CodeOfAsync("hubei", replay));

        clock.Set(clock.GetUtcNow().AddMinutes(1).AddSeconds(5));
        using var later = await host.Http.SendAsync((call with { At = clock.GetUtcNow() }).ToRequest());
        Assert.Equal(HttpStatusCode.OK, later.StatusCode); // accepted again: the same application, so the duplicate receipt
    }
}

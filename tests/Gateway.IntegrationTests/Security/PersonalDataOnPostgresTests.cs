using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;
using Gateway.Routing.Regions;

namespace Gateway.IntegrationTests.Security;

/// <summary>The production profile (PostgreSQL + RabbitMQ): the database read with plain SQL holds no plaintext phone or contact.</summary>
public sealed class PersonalDataOnPostgresTests
{
    [Fact]
    public async Task The_postgresql_database_holds_no_plaintext_phone_or_contact()
    {
        await using var erp = await FakeCounterpart.StartAsync("all-counterparts");
        var regions = RegionCatalog.LoadDirectory(Path.Combine(RepoPaths.Config, "regions"));
        var database = await ProductionInfrastructure.CreateDatabaseAsync();
        var args = new List<string>(ProductionInfrastructure.DeploymentArgs(database, "t" + Guid.NewGuid().ToString("N")[..8] + "-"));
        args.AddRange(PortalPushes.CallerSecretArgs());
        foreach (var counterpart in regions.Counterparts)
        {
            args.Add($"--Gateway:Counterparts:{counterpart.Id}:BaseUrl={erp.BaseUrl}");
            args.Add($"--Gateway:Counterparts:{counterpart.Id}:Secret={GatewayHost.CounterpartSecret(counterpart.Id)}");
        }
        await using var host = await GatewayHost.StartAsync([], args.ToArray());
        erp.Script(new FakeAnswer(400, """{"code":"BAD","message":"refused by the test"}"""));

        var caseIds = await PersonalDataSamples.PushAllAsync(host);
        foreach (var caseId in caseIds) await PersonalDataSamples.WaitSettledAsync(host, caseId);

        var (contacts, phones, _) = PersonalDataSamples.Values();
        var cells = await RawStoreScan.PostgresAsync(database);
        Assert.Contains(cells, c => c.Table == "cases" && c.Value.Contains($"sm4gcm2:{ProductionInfrastructure.DataProtectionKeyId}:", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.Table == "failed_messages" && c.Column == "request_body");
        var leaks = RawStoreScan.Leaks(cells, contacts.Concat(phones));
        Assert.True(leaks.Count == 0, "plaintext personal data in PostgreSQL: " + string.Join("; ", leaks));

        var view = await host.GetJsonAsync($"/api/cases/{caseIds[0]}");
        Assert.Equal("王建平", (string?)view["applicant"]!["contact"]);
    }
}

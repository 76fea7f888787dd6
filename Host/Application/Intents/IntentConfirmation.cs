using System.Text.Json;
using Gateway.Application.Store;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Json;
using Gateway.Routing.Regions;

namespace Gateway.Application.Intents;

/// <summary>
/// 免申办: the owner confirms an intent through a portal of its region, which turns it into a case with nothing asked again —
/// the intent's application under the portal's application number, accepted like any application (so an intent already
/// converted answers with its case).
/// </summary>
public sealed class IntentConfirmation(IIntentStore store, IApplicationIntake intake, RegionCatalog regions)
{
    public enum Refusal { None, NotFound, NotOffered }

    public async Task<(Refusal Refusal, IntakeOutcome? Outcome)> ConfirmAsync(string portal, string intentId, string applicationNo,
        CancellationToken cancellationToken)
    {
        var intent = await store.GetIntentAsync(intentId, cancellationToken);
        // An intent of a region the portal does not serve is not the portal's to confirm: answered as unknown.
        if (intent is null || regions.Find(intent.Region) is not { } region || !region.Portals.Contains(portal)) return (Refusal.NotFound, null);
        if (region.Intent is null) return (Refusal.NotOffered, null);
        var application = JsonSerializer.Deserialize<HookupApplication>(intent.ApplicationJson, GatewayJson.Options)!;
        application.Portal = portal;
        application.PortalApplicationNo = applicationNo;
        application.Stage = null;
        return (Refusal.None, await intake.AcceptAsync(application, cancellationToken));
    }
}

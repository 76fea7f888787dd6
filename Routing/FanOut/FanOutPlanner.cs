using Gateway.Contracts.Cases;
using Gateway.Contracts.Dispatches;
using Gateway.Routing.Deadlines;
using Gateway.Routing.Regions;

namespace Gateway.Routing.FanOut;

/// <summary>
/// Decides who gets what for an accepted application: one work order per requested service to the
/// region's utility for it; for network, one per carrier asked (all three when none is named).
/// </summary>
public sealed class FanOutPlanner(DeadlineCalculator deadlines)
{
    public IReadOnlyList<PlannedDispatch> Plan(HookupApplication application, RegionPolicy region, DateTimeOffset acceptedAt)
    {
        var due = deadlines.DueAtOrProvisional(acceptedAt, region.SlaDays(SlaStep.WorkOrderResponse), region.OfficeHours);
        var plan = new List<PlannedDispatch>();
        foreach (var service in application.RequestedServices())
        {
            foreach (var role in UtilityRolesFor(service, application))
            {
                var utility = region.UtilityFor(role)
                    ?? throw new InvalidOperationException($"region {region.Id} has no utility for role {role}");
                plan.Add(new PlannedDispatch(utility.Id, DispatchKind.WorkOrder, service, SlaStep.WorkOrderResponse, due));
            }
        }
        return plan;
    }

    private static IEnumerable<string> UtilityRolesFor(ServiceType service, HookupApplication application)
    {
        if (service != ServiceType.Network)
            return [CounterpartRole.ForService(service)];
        IEnumerable<Carrier> carriers = application.Network!.Carriers.Count == 0
            ? [Carrier.Cmcc, Carrier.Cucc, Carrier.Ctcc]
            : application.Network.Carriers.Distinct().Order();
        return carriers.Select(CounterpartRole.ForCarrier);
    }
}

using Gateway.Contracts.Cases;
using Gateway.Contracts.Dispatches;
using Gateway.Routing.Deadlines;
using Gateway.Routing.Regions;

namespace Gateway.Routing.FanOut;

/// <summary>
/// Decides who gets what for an accepted application: one work order per requested service to the
/// region's utility for it; for network, one per carrier asked (all three when none is named). Each is due
/// per the region's SLA table (or, in Ezhou, by distance to the main network).
/// </summary>
public sealed class FanOutPlanner
{
    /// <summary>The step name recorded for work orders whose limit comes from a distance band.</summary>
    public const string HookupByDistanceStep = "HOOKUP_BY_DISTANCE";

    public IReadOnlyList<PlannedDispatch> Plan(HookupApplication application, RegionPolicy region, DateTimeOffset acceptedAt, DeadlineCalculator deadlines)
    {
        var (step, days) = WorkOrderLimit(application, region);
        var due = deadlines.DueAtOrProvisional(acceptedAt, days, region.OfficeHours);
        var plan = new List<PlannedDispatch>();
        foreach (var service in application.RequestedServices())
        {
            foreach (var role in UtilityRolesFor(service, application))
            {
                var utility = region.UtilityFor(role)
                    ?? throw new InvalidOperationException($"region {region.Id} has no utility for role {role}");
                plan.Add(new PlannedDispatch(utility.Id, DispatchKind.WorkOrder, service, step, days, due));
            }
        }
        return plan;
    }

    private static (string Step, decimal Days) WorkOrderLimit(HookupApplication application, RegionPolicy region)
    {
        if (application.DistanceToMainM is { } distance && region.WorkOrderDueByDistance.FirstOrDefault(b => distance <= b.UpToM) is { } band)
            return (HookupByDistanceStep, band.WorkingDays);
        return (SlaStep.WorkOrderResponse, region.SlaDays(SlaStep.WorkOrderResponse));
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

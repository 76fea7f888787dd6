using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Deadlines;
using Gateway.Routing.OuterWorks;
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

    /// <param name="outerWorks">The path decided for each outer work: any that is not on the commitment path brings
    /// an approval request (question INVOLVEMENT) to each of the region's departments.</param>
    public IReadOnlyList<PlannedDispatch> Plan(HookupApplication application, RegionPolicy region, DateTimeOffset acceptedAt, DeadlineCalculator deadlines,
        IReadOnlyList<OuterWorkDecision>? outerWorks = null)
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
        if (outerWorks is not null && outerWorks.Any(w => w.Path != OuterWorkPath.Commitment))
        {
            // Keqiao times the answer to "involved?" (1 wd); Puyang's 0.5-wd approval runs from the request; elsewhere no limit.
            var involvement = FirstStep(region, SlaStep.DepartmentInvolvement, SlaStep.ParallelApproval);
            var involvementDue = involvement.Days is { } d ? deadlines.DueAtOrProvisional(acceptedAt, d, region.OfficeHours) : null;
            plan.AddRange(region.Departments.Select(dep =>
                new PlannedDispatch(dep.Id, DispatchKind.ApprovalRequest, null, involvement.Step, involvement.Days ?? 0, involvementDue, ApprovalQuestion.Involvement)));
        }
        return plan;
    }

    /// <summary>
    /// The approval itself, asked of a department that said it is involved: due per the region's PARALLEL_APPROVAL limit,
    /// or untimed where the plan names none or every outer work concerned needs special demonstration (专项论证).
    /// </summary>
    public PlannedDispatch ApprovalFollowUp(RegionPolicy region, string departmentId, DateTimeOffset at, DeadlineCalculator deadlines,
        bool specialDemonstrationOnly = false)
    {
        var days = specialDemonstrationOnly ? null : region.SlaOrNull(SlaStep.ParallelApproval);
        return new PlannedDispatch(departmentId, DispatchKind.ApprovalRequest, null, SlaStep.ParallelApproval, days ?? 0,
            days is { } d ? deadlines.DueAtOrProvisional(at, d, region.OfficeHours) : null, ApprovalQuestion.Approval);
    }

    /// <summary>The go-ahead for a utility's outer works once every involved department approved: a work order of its own.</summary>
    public PlannedDispatch GoAhead(RegionPolicy region, string utilityId, ServiceType service, DateTimeOffset at, DeadlineCalculator deadlines)
    {
        var days = region.SlaDays(SlaStep.WorkOrderResponse);
        return new PlannedDispatch(utilityId, DispatchKind.WorkOrder, service, SlaStep.WorkOrderResponse, days,
            deadlines.DueAtOrProvisional(at, days, region.OfficeHours));
    }

    /// <summary>The first of the steps the region's SLA table has; the first step, untimed, when it has none of them.</summary>
    private static (string Step, decimal? Days) FirstStep(RegionPolicy region, params string[] steps)
    {
        foreach (var step in steps)
            if (region.Sla.TryGetValue(step, out var days)) return (step, days);
        return (steps[0], null);
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

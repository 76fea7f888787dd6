using Gateway.Contracts.Cases;
using Gateway.Routing.Costs;
using Gateway.Routing.Deadlines;
using Gateway.Routing.OuterWorks;

namespace Gateway.Routing.Regions;

/// <summary>One region's rules, loaded from <c>config/regions/&lt;id&gt;.json</c> and validated at startup.</summary>
public sealed class RegionPolicy
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Plan { get; init; }
    public required IReadOnlyList<string> AdminCodes { get; init; }
    /// <summary>Prefixes for prefecture-level regions (Ezhou: every 4207xx code).</summary>
    public required IReadOnlyList<string> AdminCodePrefixes { get; init; }
    public required IReadOnlyList<string> Portals { get; init; }
    public required IReadOnlyList<ServiceType> Services { get; init; }
    public required bool ZoneRequired { get; init; }
    public required IReadOnlyList<RegionZone> Zones { get; init; }
    public required OfficeHours OfficeHours { get; init; }
    public required decimal? PowerMaxVoltageKv { get; init; }
    public required IReadOnlyList<CounterpartDefinition> Counterparts { get; init; }
    public required IReadOnlyDictionary<string, decimal> Sla { get; init; }
    /// <summary>The plan clause each limit comes from (region file <c>slaSources</c>), by step key.</summary>
    public IReadOnlyDictionary<string, string> SlaSources { get; init; } = new Dictionary<string, string>();
    /// <summary>
    /// Steps timed only while the materials are complete (Puyang: 「申请材料齐全并符合法定标准的…0.5个工作日内」): a department's
    /// NEEDS_MORE_INFO stops the request's clock and MATERIALS_COMPLETE starts the full limit again.
    /// </summary>
    public IReadOnlySet<string> SlaPausedForMaterials { get; init; } = new HashSet<string>();
    public const string DefaultReceiptTitle = "《企业水气电网一般项目审批告知承诺回执》";
    /// <summary>The commitment receipt's title on the timeline and in the work order.</summary>
    public string CommitmentReceiptTitle { get; init; } = DefaultReceiptTitle;
    /// <summary>Ezhou: the whole hookup's limit by distance to the main network (≤ 500 m: 3 wd, ≤ 1000 m: 5 wd).</summary>
    public IReadOnlyList<DistanceBand> WorkOrderDueByDistance { get; init; } = [];
    /// <summary>Which outer works take the notification-commitment path (告知承诺制), and special zones.</summary>
    public OuterWorksPolicy OuterWorks { get; init; } = OuterWorksPolicy.None;
    /// <summary>Who bears outer works outside the red line, per service; TARIFF where no rule applies.</summary>
    public IReadOnlyList<CostRule> CostRules { get; init; } = [];
    /// <summary>The fee-list flow, when the plan offers one fee list and one payment (null: not offered).</summary>
    public FeeListOffer? FeeList { get; init; }
    /// <summary>Booked joint acceptance and connection, where the plan offers it (region file <c>booking</c>); else null.</summary>
    public BookingOffer? Booking { get; init; }
    /// <summary>Early-stage demands become intents (region file <c>intent</c>); null where the plan has no intent registration.</summary>
    public IntentPolicy? Intent { get; init; }
    /// <summary>Applicants rate each utility (region file <c>ratings</c>); null where the region takes no ratings.</summary>
    public RatingsPolicy? Ratings { get; init; }

    public IEnumerable<CounterpartDefinition> Departments => Counterparts.Where(c => c.Kind == CounterpartKind.Department);

    public bool OwnsAdminCode(string adminCode) =>
        AdminCodes.Contains(adminCode) || AdminCodePrefixes.Any(p => adminCode.StartsWith(p, StringComparison.Ordinal));

    public bool HasZone(string? code) => code is not null && Zones.Any(z => z.Code == code);

    public CounterpartDefinition? UtilityFor(string role) =>
        Counterparts.FirstOrDefault(c => c.Kind == CounterpartKind.Utility && c.Role == role);

    /// <summary>The step's limit in working days, or null where the plan names none.</summary>
    public decimal? SlaOrNull(string step) => Sla.TryGetValue(step, out var days) ? days : null;

    public decimal SlaDays(string step) =>
        Sla.TryGetValue(step, out var days)
            ? days
            : throw new InvalidOperationException($"region {Id} has no SLA for step {step}");
}

public sealed record RegionZone(string Code, string Name);

public sealed record DistanceBand(decimal UpToM, decimal WorkingDays);

public enum CounterpartKind { Utility, Department }

public sealed record CounterpartDefinition(string Id, string Region, string Role, CounterpartKind Kind, ServiceType? Service, string Name);

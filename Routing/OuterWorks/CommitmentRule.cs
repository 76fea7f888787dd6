using Gateway.Contracts.Cases;

namespace Gateway.Routing.OuterWorks;

/// <summary>
/// A region's notification-commitment rule for some services: when every condition holds, the outer work takes the
/// commitment path under this rule's name (e.g. 告知承诺审批, 告知承诺备案). An empty condition list always holds.
/// </summary>
public sealed record CommitmentRule(string Name, IReadOnlyList<ServiceType> Services, IReadOnlyList<OuterWorkCondition> Conditions);

/// <summary>A region's outer-works policy: its commitment rules (first match wins) and whether special zones need 专项论证.</summary>
public sealed record OuterWorksPolicy(IReadOnlyList<CommitmentRule> CommitmentRules, bool SpecialZonesNeedDemonstration)
{
    public static readonly OuterWorksPolicy None = new([], false);
}

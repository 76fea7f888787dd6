using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Routing.Regions;

namespace Gateway.Routing.OuterWorks;

/// <summary>
/// Decides per outer work: special zones → 专项论证 where the region says so; else the first commitment rule for the
/// service whose conditions all hold → 告知承诺; else 并联审批. The reasons name every condition that decided it.
/// </summary>
public static class OuterWorkPathDecider
{
    public static OuterWorkDecision Decide(OuterWork work, RegionPolicy region)
    {
        var policy = region.OuterWorks;
        var service = WireName.Of(work.Service);
        if (policy.SpecialZonesNeedDemonstration && work.SpecialZones.Count > 0)
            return new OuterWorkDecision(work.Service, OuterWorkPath.SpecialDemonstration, null,
                [$"涉及特殊区域：{string.Join("、", work.SpecialZones.Select(OuterWorkCondition.SpecialZoneName))}，须专项论证，不适用告知承诺"]);

        var rules = policy.CommitmentRules.Where(r => r.Services.Contains(work.Service)).ToList();
        if (rules.Count == 0)
            return new OuterWorkDecision(work.Service, OuterWorkPath.ParallelApproval, null,
                [$"{region.Name}方案未对 {service} 外线工程设告知承诺路径，实行并联审批"]);

        var failures = new List<string>();
        foreach (var rule in rules)
        {
            var results = rule.Conditions.Select(c => c.Evaluate(work)).ToList();
            if (results.All(r => r.Met))
                return new OuterWorkDecision(work.Service, OuterWorkPath.Commitment, rule.Name,
                    results.Count == 0 ? [$"{rule.Name}：{service} 外线工程均适用"] : results.Select(r => $"{rule.Name}：{r.Reason}").ToList());
            failures.AddRange(results.Where(r => !r.Met).Select(r => $"不符合{rule.Name}：{r.Reason}"));
        }
        return new OuterWorkDecision(work.Service, OuterWorkPath.ParallelApproval, null, failures);
    }
}

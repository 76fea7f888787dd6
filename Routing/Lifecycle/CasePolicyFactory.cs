using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Routing.Costs;
using Gateway.Routing.OuterWorks;
using Gateway.Routing.Regions;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// The policy document of a newly accepted case: each outer work's path and reasons, a numbered commitment receipt
/// (《企业水气电网一般项目审批告知承诺回执》) for each one on the commitment path — which is its go-ahead — the
/// cost bearers, and one joint-construction group when two or more services dig outside the red line.
/// </summary>
public static class CasePolicyFactory
{
    public static CasePolicyDocument Create(HookupApplication application, RegionPolicy region, IReadOnlyList<OuterWorkDecision> decisions,
        string caseId, DateTimeOffset acceptedAt)
    {
        var outerWorks = application.OuterWorks.Zip(decisions, (work, decision) => (work, decision))
            .Select((x, i) => new OuterWorkState(x.work.Service, x.work.LengthM, x.decision.Path, x.decision.Rule, x.decision.Reasons,
                x.decision.Path == OuterWorkPath.Commitment ? CommitmentReceiptNo(caseId, acceptedAt, i) : null,
                x.decision.Path == OuterWorkPath.Commitment ? acceptedAt : null))
            .ToList();
        var costs = CostBearerDecider.Decide(application, region).Select(c => new CostState(c.Service, c.Bearer, c.Reason)).ToList();
        var digging = outerWorks.Select(w => w.Service).Distinct().Count();
        return new CasePolicyDocument(outerWorks, costs, digging >= 2 ? $"jc-{caseId}" : null, null);
    }

    /// <summary>CN + acceptance date + the case's own suffix + the outer work's position: unique, and readable on paper.</summary>
    private static string CommitmentReceiptNo(string caseId, DateTimeOffset acceptedAt, int index) =>
        $"CN{acceptedAt:yyyyMMdd}{caseId[(caseId.LastIndexOf('-') + 1)..]}{index + 1:D2}";

    public static string PathName(OuterWorkPath path) => path switch
    {
        OuterWorkPath.Commitment => "告知承诺",
        OuterWorkPath.ParallelApproval => "并联审批",
        _ => "专项论证",
    };

    public static string Describe(OuterWorkState work) =>
        $"{WireName.Of(work.Service)} 外线工程走{PathName(work.Path)}：{string.Join("；", work.Reasons)}";
}

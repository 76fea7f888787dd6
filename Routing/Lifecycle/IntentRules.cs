using System.Text.Json;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Json;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.FanOut;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// Intent registration and 免申办 (docs/lifecycle.md): which demands are intents, what a later demand of the same project
/// takes over from its intent, the early planning notices, and the timeline entries. Pure: the intake and the store write
/// what these return.
/// </summary>
public static class IntentRules
{
    /// <summary>Stages before the construction permit: in a region that offers intents such a demand is an intent.</summary>
    public static bool IsEarly(ProjectStage? stage) => stage is ProjectStage.ProjectApproval or ProjectStage.LandPlanning;

    /// <summary>
    /// The planning notices of an intent: one to each utility the fan-out would send a work order to; no department is asked
    /// anything and no time limit runs (no due time, no clock).
    /// </summary>
    public static IReadOnlyList<PlannedDispatch> PlanningNotices(IEnumerable<PlannedDispatch> plan) =>
        plan.Where(p => p.Kind == DispatchKind.WorkOrder)
            .Select(p => p with { Kind = DispatchKind.PlanningNotice, SlaDays = 0, Due = null, Question = null })
            .ToList();

    /// <summary>
    /// The application a later demand of the same project stands for: everything the later demand gives wins; what it leaves
    /// out is taken from the intent, so nothing is asked twice. Taken over when left out: the service zone, the preferred
    /// survey date, the distance to the main network, the planning/construction permit number, each service the intent named
    /// and the later demand does not, and the outer works when the later demand lists none. Returns the names of what was
    /// taken over (for the timeline).
    /// </summary>
    public static (HookupApplication Merged, IReadOnlyList<string> TakenOver) Merge(HookupApplication intent, HookupApplication later)
    {
        var merged = JsonSerializer.Deserialize<HookupApplication>(JsonSerializer.Serialize(later, GatewayJson.Options), GatewayJson.Options)!;
        merged.Stage = later.Stage;
        var taken = new List<string>();
        void Take<T>(string name, T? value, Action<T> set) where T : class
        {
            if (value is null) return;
            set(value);
            taken.Add(name);
        }
        if (merged.Zone is null) Take("zone", intent.Zone, v => merged.Zone = v);
        if (merged.SurveyDate is null && intent.SurveyDate is { } survey) { merged.SurveyDate = survey; taken.Add("surveyDate"); }
        if (merged.DistanceToMainM is null && intent.DistanceToMainM is { } distance) { merged.DistanceToMainM = distance; taken.Add("distanceToMainM"); }
        if (merged.Project.PermitNo is null) Take("project.permitNo", intent.Project.PermitNo, v => merged.Project.PermitNo = v);
        if (merged.Water is null) Take("water", intent.Water, v => merged.Water = v);
        if (merged.Power is null) Take("power", intent.Power, v => merged.Power = v);
        if (merged.Gas is null) Take("gas", intent.Gas, v => merged.Gas = v);
        if (merged.Network is null) Take("network", intent.Network, v => merged.Network = v);
        if (merged.Heating is null) Take("heating", intent.Heating, v => merged.Heating = v);
        if (merged.OuterWorks.Count == 0 && intent.OuterWorks.Count > 0)
        {
            merged.OuterWorks = intent.OuterWorks;
            taken.Add("outerWorks");
        }
        return (merged, taken);
    }

    public static TimelineEntry Registered(ProjectStage stage, IReadOnlyCollection<DispatchRow> notices, string actor, long at) =>
        new(at, TimelineType.IntentRegistered, actor,
            $"意向登记（{StageName(stage)}）；提前告知 {notices.Count} 家：{string.Join("、", notices.Select(n => n.CounterpartId))}（不派工单，不计时）");

    public static TimelineEntry Updated(ProjectStage stage, string actor, long at) =>
        new(at, TimelineType.IntentUpdated, actor, $"同一项目再次推送（{StageName(stage)}），意向登记内容已更新");

    public static TimelineEntry Converted(string caseId, string actor, long at) =>
        new(at, TimelineType.IntentConverted, actor, $"已转为正式报装，案件 {caseId}");

    public static TimelineEntry Linked(string intentId, IReadOnlyList<string> takenOver, string actor, long at) =>
        new(at, TimelineType.IntentLinked, actor,
            $"由意向登记 {intentId} 转为正式报装" + (takenOver.Count > 0 ? $"；沿用意向登记中的 {string.Join("、", takenOver)}" : "，申报内容完整，未沿用意向登记内容"));

    public static string StageName(ProjectStage stage) => stage switch
    {
        ProjectStage.ProjectApproval => "立项阶段",
        ProjectStage.LandPlanning => "用地规划阶段",
        ProjectStage.ConstructionPermit => "施工许可阶段",
        _ => WireName.Of(stage),
    };
}

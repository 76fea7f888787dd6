using System.Globalization;
using Gateway.Contracts.Cases;

namespace Gateway.Routing.OuterWorks;

/// <summary>
/// One test of a commitment rule on one outer-work field (from the region file): a numeric limit (<c>lt</c>, <c>le</c>),
/// a flag (<c>is</c>) or "no special zone" (<c>empty</c>). Each evaluation yields the sentence that explains it.
/// </summary>
public sealed record OuterWorkCondition(string Field, string Operator, decimal? Limit, bool? Flag, decimal? MissingAs)
{
    public static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>
    {
        ["lengthM"] = "长度（米）",
        ["diameterDn"] = "管径 DN",
        ["outerDiameterMm"] = "管材外径（毫米）",
        ["holes"] = "孔数",
        ["greenM2"] = "占用绿地（平方米）",
        ["roadCrossingM"] = "穿越道路长度（米）",
        ["enterpriseInvested"] = "企业投资",
        ["hazardous"] = "涉及危险品",
        ["specialZones"] = "特殊区域",
        ["recentRoad"] = "五年内新建或三年内大修的道路",
        ["smallAttached"] = "附属小型设施",
    };

    public static readonly IReadOnlySet<string> NumericFields = new HashSet<string> { "lengthM", "diameterDn", "outerDiameterMm", "holes", "greenM2", "roadCrossingM" };
    public static readonly IReadOnlySet<string> FlagFields = new HashSet<string> { "enterpriseInvested", "hazardous", "recentRoad", "smallAttached" };

    public (bool Met, string Reason) Evaluate(OuterWork work)
    {
        var label = FieldLabels[Field];
        switch (Operator)
        {
            case "lt" or "le":
            {
                var value = Number(work) ?? MissingAs;
                var limit = Limit!.Value;
                var sign = Operator == "lt" ? "<" : "≤";
                if (value is null) return (false, $"{label}未填写，无法确认 {sign} {Format(limit)}");
                var met = Operator == "lt" ? value < limit : value <= limit;
                var given = Number(work) is null ? $"{label}未填写，按 {Format(value.Value)} 计" : $"{label} {Format(value.Value)}";
                return (met, met ? $"{given} {sign} {Format(limit)}" : $"{given}，超过 {sign} {Format(limit)} 的限值");
            }
            case "is":
            {
                // An unflagged box reads as "no": a form that does not mention hazardous materials has none.
                var value = FlagOf(work) ?? false;
                var met = value == Flag;
                return (met, value ? $"{label}：是" : $"{label}：否");
            }
            case "empty":
            {
                var met = work.SpecialZones.Count == 0;
                return (met, met ? "不涉及特殊区域" : $"涉及特殊区域：{string.Join("、", work.SpecialZones.Select(SpecialZoneName))}");
            }
            default:
                throw new InvalidOperationException($"unknown operator {Operator}");
        }
    }

    private decimal? Number(OuterWork w) => Field switch
    {
        "lengthM" => w.LengthM,
        "diameterDn" => w.DiameterDn,
        "outerDiameterMm" => w.OuterDiameterMm,
        "holes" => w.Holes,
        "greenM2" => w.GreenM2,
        "roadCrossingM" => w.RoadCrossingM,
        _ => throw new InvalidOperationException($"{Field} is not numeric"),
    };

    private bool? FlagOf(OuterWork w) => Field switch
    {
        "enterpriseInvested" => w.EnterpriseInvested,
        "hazardous" => w.Hazardous,
        "recentRoad" => w.RecentRoad,
        "smallAttached" => w.SmallAttached,
        _ => throw new InvalidOperationException($"{Field} is not a flag"),
    };

    public static string SpecialZoneName(SpecialZone zone) => zone switch
    {
        SpecialZone.NatureReserve => "自然保护区",
        SpecialZone.Heritage => "文物保护区",
        SpecialZone.Railway => "铁路",
        SpecialZone.Highway => "公路及公路用地、建筑控制区",
        SpecialZone.River => "河道",
        _ => zone.ToString(),
    };

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

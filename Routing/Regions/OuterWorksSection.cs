using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Routing.OuterWorks;

namespace Gateway.Routing.Regions;

/// <summary>The <c>outerWorks</c> section of a region file and its validation into an <see cref="OuterWorksPolicy"/>.</summary>
internal sealed class OuterWorksSection
{
    public bool SpecialZonesNeedDemonstration { get; set; }
    public List<RuleEntry>? Commitment { get; set; }

    internal sealed class RuleEntry
    {
        public string? Name { get; set; }
        public List<string>? Services { get; set; }
        public List<ConditionEntry>? When { get; set; }
    }

    internal sealed class ConditionEntry
    {
        public string? Field { get; set; }
        public decimal? Lt { get; set; }
        public decimal? Le { get; set; }
        public bool? Is { get; set; }
        public bool? Empty { get; set; }
        public decimal? MissingAs { get; set; }
    }

    public static OuterWorksPolicy Read(OuterWorksSection? section, Action<string, string> problem)
    {
        if (section is null) return OuterWorksPolicy.None;
        var rules = new List<CommitmentRule>();
        foreach (var (rule, i) in (section.Commitment ?? []).Select((r, i) => (r, i)))
        {
            var at = $"outerWorks.commitment[{i}]";
            if (string.IsNullOrWhiteSpace(rule.Name)) problem(at, "needs a name (shown in the reasons, e.g. 告知承诺审批)");
            var services = new List<ServiceType>();
            foreach (var s in rule.Services ?? [])
            {
                if (WireName.TryParse<ServiceType>(s, out var service)) services.Add(service);
                else problem(at, $"unknown service '{s}'");
            }
            if (services.Count == 0) problem(at, "lists no services");
            var conditions = new List<OuterWorkCondition>();
            foreach (var c in rule.When ?? [])
            {
                var field = c.Field ?? "";
                var operators = new[] { c.Lt is not null, c.Le is not null, c.Is is not null, c.Empty is not null }.Count(x => x);
                if (!OuterWorkCondition.FieldLabels.ContainsKey(field))
                    problem(at, $"unknown field '{field}' (known: {string.Join(", ", OuterWorkCondition.FieldLabels.Keys)})");
                else if (operators != 1)
                    problem(at, $"{field}: give exactly one of lt, le, is, empty");
                else if ((c.Lt ?? c.Le) is { } limit)
                {
                    if (!OuterWorkCondition.NumericFields.Contains(field)) problem(at, $"{field} is not numeric; lt/le do not apply");
                    else conditions.Add(new OuterWorkCondition(field, c.Lt is not null ? "lt" : "le", limit, null, c.MissingAs));
                }
                else if (c.Is is { } flag)
                {
                    if (!OuterWorkCondition.FlagFields.Contains(field)) problem(at, $"{field} is not a yes/no field; 'is' does not apply");
                    else conditions.Add(new OuterWorkCondition(field, "is", null, flag, null));
                }
                else if (field != "specialZones" || c.Empty != true) problem(at, "'empty': true applies to specialZones only");
                else conditions.Add(new OuterWorkCondition(field, "empty", null, null, null));
            }
            rules.Add(new CommitmentRule(rule.Name ?? "", services, conditions));
        }
        return new OuterWorksPolicy(rules, section.SpecialZonesNeedDemonstration);
    }
}

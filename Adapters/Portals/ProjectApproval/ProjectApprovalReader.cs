using System.Xml.Linq;

namespace Gateway.Adapters.Portals.ProjectApproval;

/// <summary>
/// Reads a SubmitHookupDemand element into <see cref="ProjectApprovalDemand"/>. Children are matched by local
/// name in any order; unknown children are ignored; <c>xsi:nil="true"</c> counts as absent.
/// </summary>
public static class ProjectApprovalReader
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static ProjectApprovalDemand Read(XElement payload)
    {
        var demand = new ProjectApprovalDemand();
        string? Text(string name) => TextOf(Single(payload, name, demand.Repeated));

        demand.DemandNo = Text("DemandNo");
        demand.RegionCode = Text("RegionCode");
        demand.ZoneCode = Text("ZoneCode");
        demand.Stage = Text("Stage");
        demand.SubmitTime = Text("SubmitTime");
        demand.ProjectCode = Text("ProjectCode");
        demand.ProjectName = Text("ProjectName");
        demand.PermitNo = Text("PermitNo");
        demand.SiteAddress = Text("SiteAddress");
        demand.FilledBy = Text("FilledBy");
        demand.SurveyDate = Text("SurveyDate");
        demand.DistanceToMainM = Text("DistanceToMainM");

        if (Single(payload, "Enterprise", demand.Repeated) is { } enterprise)
        {
            var repeated = new List<string>();
            demand.Enterprise = new ProjectApprovalEnterprise
            {
                Name = TextOf(Single(enterprise, "Name", repeated)),
                Uscc = TextOf(Single(enterprise, "Uscc", repeated)),
                Contact = TextOf(Single(enterprise, "Contact", repeated)),
                Phone = TextOf(Single(enterprise, "Phone", repeated)),
            };
            demand.Repeated.AddRange(repeated.Select(r => $"Enterprise/{r}"));
        }

        demand.Water = Service(payload, "Water", demand.Repeated);
        demand.Power = Service(payload, "Power", demand.Repeated);
        demand.Gas = Service(payload, "Gas", demand.Repeated);
        demand.Network = Service(payload, "Network", demand.Repeated);
        demand.Heating = Service(payload, "Heating", demand.Repeated);

        var index = 0;
        foreach (var work in Children(payload, "OuterWork"))
        {
            index++;
            var repeated = new List<string>();
            string? W(string name) => TextOf(Single(work, name, repeated));
            demand.OuterWorks.Add(new ProjectApprovalOuterWork
            {
                Service = Attribute(work, "Service"),
                LengthM = W("LengthM"),
                DiameterDn = W("DiameterDn"),
                OuterDiameterMm = W("OuterDiameterMm"),
                Holes = W("Holes"),
                GreenM2 = W("GreenM2"),
                RoadCrossingM = W("RoadCrossingM"),
                EnterpriseInvested = W("EnterpriseInvested"),
                Hazardous = W("Hazardous"),
                SpecialZones = W("SpecialZones"),
                RecentRoad = W("RecentRoad"),
                SmallAttached = W("SmallAttached"),
            });
            demand.Repeated.AddRange(repeated.Select(r => $"OuterWork[{index}]/{r}"));
        }
        return demand;
    }

    private static ProjectApprovalServiceDemand? Service(XElement payload, string name, List<string> repeatedAtTop)
    {
        var element = Single(payload, name, repeatedAtTop);
        if (element is null) return null;
        var repeated = new List<string>();
        string? S(string child) => TextOf(Single(element, child, repeated));
        var service = new ProjectApprovalServiceDemand
        {
            Business = Attribute(element, "Business"),
            DailyTons = S("DailyTons"),
            Usage = S("Usage"),
            CapacityKva = S("CapacityKva"),
            VoltageKv = S("VoltageKv"),
            DailyM3 = S("DailyM3"),
            Pressure = S("Pressure"),
            Kinds = S("Kinds"),
            Users = S("Users"),
            BandwidthMbps = S("BandwidthMbps"),
            Carriers = S("Carriers"),
            AreaM2 = S("AreaM2"),
        };
        repeatedAtTop.AddRange(repeated.Select(r => $"{name}/{r}"));
        return service;
    }

    private static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    private static XElement? Single(XElement parent, string localName, List<string> repeated)
    {
        XElement? first = null;
        foreach (var element in Children(parent, localName))
        {
            if (first is null) first = element;
            else
            {
                if (!repeated.Contains(localName)) repeated.Add(localName);
                break;
            }
        }
        return first;
    }

    private static string? TextOf(XElement? element)
    {
        if (element is null || (string?)element.Attribute(Xsi + "nil") is "true" or "1") return null;
        return element.Value.Trim();
    }

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value.Trim();
}

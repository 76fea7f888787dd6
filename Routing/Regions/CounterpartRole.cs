using Gateway.Contracts.Cases;

namespace Gateway.Routing.Regions;

/// <summary>The counterpart roles of docs/lifecycle.md; a counterpart id is <c>{region}-{role}</c>.</summary>
public static class CounterpartRole
{
    public static readonly IReadOnlyDictionary<string, ServiceType> UtilityRoles = new Dictionary<string, ServiceType>
    {
        ["water"] = ServiceType.Water,
        ["power"] = ServiceType.Power,
        ["gas"] = ServiceType.Gas,
        ["cmcc"] = ServiceType.Network,
        ["cucc"] = ServiceType.Network,
        ["ctcc"] = ServiceType.Network,
        ["heating"] = ServiceType.Heating,
    };

    public static readonly IReadOnlySet<string> DepartmentRoles = new HashSet<string>
    {
        "police", "natural-resources", "transport", "approval-bureau", "law-enforcement",
        "urban-management", "housing", "water-resources",
    };

    public static bool IsKnown(string role) => UtilityRoles.ContainsKey(role) || DepartmentRoles.Contains(role);

    public static string ForCarrier(Carrier carrier) => carrier switch
    {
        Carrier.Cmcc => "cmcc",
        Carrier.Cucc => "cucc",
        Carrier.Ctcc => "ctcc",
        _ => throw new ArgumentOutOfRangeException(nameof(carrier)),
    };

    public static string ForService(ServiceType service) => service switch
    {
        ServiceType.Water => "water",
        ServiceType.Power => "power",
        ServiceType.Gas => "gas",
        ServiceType.Heating => "heating",
        _ => throw new ArgumentException("network work orders go to a carrier role", nameof(service)),
    };
}

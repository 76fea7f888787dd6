using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;

namespace Gateway.Adapters.Portals.Hubei;

/// <summary><c>bzsx</c> (联合报装事项): 用水/用电/用气/用网报装, separated by <c>,</c> <c>，</c> <c>、</c> or spaces.</summary>
public static class HubeiServices
{
    private static readonly Dictionary<string, ServiceType> Words = new(StringComparer.Ordinal)
    {
        ["用水报装"] = ServiceType.Water, ["用水"] = ServiceType.Water,
        ["用电报装"] = ServiceType.Power, ["用电"] = ServiceType.Power,
        ["用气报装"] = ServiceType.Gas, ["用气"] = ServiceType.Gas,
        ["用网报装"] = ServiceType.Network, ["用网"] = ServiceType.Network,
        // Not on the form, but named so that a heating request is answered UNSUPPORTED_SERVICE rather than as a typo.
        ["用暖报装"] = ServiceType.Heating, ["供暖报装"] = ServiceType.Heating, ["用暖"] = ServiceType.Heating, ["供暖"] = ServiceType.Heating,
    };

    public const string Choices = "用水报装、用电报装、用气报装、用网报装";

    public static (IReadOnlySet<ServiceType> Known, IReadOnlyList<string> Unknown) Read(string? bzsx)
    {
        var known = new HashSet<ServiceType>();
        var unknown = new List<string>();
        foreach (var word in WireList.Split(bzsx))
        {
            if (Words.TryGetValue(word, out var service)) known.Add(service);
            else unknown.Add(word);
        }
        return (known, unknown);
    }
}

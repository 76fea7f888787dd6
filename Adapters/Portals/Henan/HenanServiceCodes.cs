using Gateway.Contracts.Cases;

namespace Gateway.Adapters.Portals.Henan;

/// <summary>The <c>LB</c> codes of SX and GC: YS 水, YD 电, YQ 气, YW 网, GN 暖.</summary>
public static class HenanServiceCodes
{
    public static readonly IReadOnlyList<(string Code, ServiceType Service, string Label)> All =
    [
        ("YS", ServiceType.Water, "用水报装"), ("YD", ServiceType.Power, "用电报装"), ("YQ", ServiceType.Gas, "用气报装"),
        ("YW", ServiceType.Network, "用网报装"), ("GN", ServiceType.Heating, "供暖报装"),
    ];

    public static ServiceType? ServiceOf(string? code) =>
        All.Where(c => c.Code == code).Select(c => (ServiceType?)c.Service).FirstOrDefault();

    public static string CodeOf(ServiceType service) => All.First(c => c.Service == service).Code;

    public static string LabelOf(ServiceType service) => All.First(c => c.Service == service).Label;
}

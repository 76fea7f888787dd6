using Gateway.Contracts.Cases;
using N = Gateway.Adapters.Portals.Hubei.HubeiFieldNames;

namespace Gateway.Adapters.Portals.Hubei;

/// <summary>
/// The push read by field name: one property per field the gateway understands (unknown fields are ignored;
/// a name given twice counts once, the first time). Values stay as typed; the validator reads the units.
/// </summary>
public sealed class HubeiForm
{
    public string? FormCode { get; init; }
    public string? SubmitId { get; init; }
    public string? RegionCode { get; init; }
    public string? SubmitTime { get; init; }
    public bool HasFields { get; init; }

    public string? Sqdw { get; init; }
    public string? Xydm { get; init; }
    public string? Xmdm { get; init; }
    public string? Xmmc { get; init; }
    public string? Sqdz { get; init; }
    public string? Lxr { get; init; }
    public string? Lxdh { get; init; }
    public string? Yykc { get; init; }
    public string? Bzsx { get; init; }
    public string? YsYwlx { get; init; }
    public string? YsXq { get; init; }
    public string? YsXz { get; init; }
    public string? YdYwlx { get; init; }
    public string? YdRl { get; init; }
    public string? YdDy { get; init; }
    public string? YqYwlx { get; init; }
    public string? YqXq { get; init; }
    public string? YqXz { get; init; }
    public string? YwYwlx { get; init; }
    public string? YwXq { get; init; }
    public string? YwYhs { get; init; }
    public string? YwDk { get; init; }
    public string? YwYys { get; init; }
    public string? Zgwjl { get; init; }

    /// <summary>The services ticked in <c>bzsx</c> that the gateway recognises.</summary>
    public IReadOnlySet<ServiceType> Requested => HubeiServices.Read(Bzsx).Known;

    public static HubeiForm Read(HubeiApplication app)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in app.Fields ?? [])
            if (field?.Name is { } name) values.TryAdd(name.Trim(), field.Value);
        string? V(string name) => values.GetValueOrDefault(name);

        return new HubeiForm
        {
            FormCode = app.FormCode, SubmitId = app.SubmitId, RegionCode = app.RegionCode, SubmitTime = app.SubmitTime,
            HasFields = app.Fields is not null,
            Sqdw = V(N.Sqdw), Xydm = V(N.Xydm), Xmdm = V(N.Xmdm), Xmmc = V(N.Xmmc), Sqdz = V(N.Sqdz), Lxr = V(N.Lxr), Lxdh = V(N.Lxdh),
            Yykc = V(N.Yykc), Bzsx = V(N.Bzsx),
            YsYwlx = V(N.YsYwlx), YsXq = V(N.YsXq), YsXz = V(N.YsXz),
            YdYwlx = V(N.YdYwlx), YdRl = V(N.YdRl), YdDy = V(N.YdDy),
            YqYwlx = V(N.YqYwlx), YqXq = V(N.YqXq), YqXz = V(N.YqXz),
            YwYwlx = V(N.YwYwlx), YwXq = V(N.YwXq), YwYhs = V(N.YwYhs), YwDk = V(N.YwDk), YwYys = V(N.YwYys),
            Zgwjl = V(N.Zgwjl),
        };
    }
}

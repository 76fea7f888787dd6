namespace Gateway.Adapters.Portals.Hubei;

/// <summary>
/// The wire shape of the 鄂汇办 / 湖北政务服务网 form engine's push (docs/portals.md, <c>hubei</c>): a flat list
/// of named fields whose values are strings as the user typed them, units included.
/// </summary>
public sealed class HubeiApplication
{
    public string? FormCode { get; set; }
    public string? SubmitId { get; set; }
    public string? RegionCode { get; set; }
    public string? SubmitTime { get; set; }
    public List<HubeiField>? Fields { get; set; }
}

public sealed class HubeiField
{
    public string? Name { get; set; }
    public string? Label { get; set; }
    public string? Value { get; set; }
}

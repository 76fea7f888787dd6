namespace Gateway.Contracts.Cases;

/// <summary>
/// The canonical hookup demand: what any portal's form means, independent of its wire shape.
/// Every portal adapter maps onto exactly this; the region is resolved from <see cref="AdminCode"/>.
/// </summary>
public sealed class HookupApplication
{
    public string Portal { get; set; } = "";
    public string PortalApplicationNo { get; set; } = "";
    public string AdminCode { get; set; } = "";
    public string? Zone { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public Applicant Applicant { get; set; } = new();
    public ProjectInfo Project { get; set; } = new();
    public DateOnly? SurveyDate { get; set; }
    public decimal? DistanceToMainM { get; set; }
    public WaterDemand? Water { get; set; }
    public PowerDemand? Power { get; set; }
    public GasDemand? Gas { get; set; }
    public NetworkDemand? Network { get; set; }
    public HeatingDemand? Heating { get; set; }
    public List<OuterWork> OuterWorks { get; set; } = [];

    /// <summary>
    /// The approval stage the demand was filled at, where the portal says (the project-approval platform's <c>Stage</c>);
    /// null: a formal application. Not part of the stored application: it decides intent or case, then the intent keeps it.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ProjectStage? Stage { get; set; }

    /// <summary>The services requested, in the fixed order water, power, gas, network, heating.</summary>
    public IEnumerable<ServiceType> RequestedServices()
    {
        if (Water is not null) yield return ServiceType.Water;
        if (Power is not null) yield return ServiceType.Power;
        if (Gas is not null) yield return ServiceType.Gas;
        if (Network is not null) yield return ServiceType.Network;
        if (Heating is not null) yield return ServiceType.Heating;
    }
}

public sealed class Applicant
{
    public string Name { get; set; } = "";
    public string Uscc { get; set; } = "";
    public string Contact { get; set; } = "";
    public string Phone { get; set; } = "";
}

public sealed class ProjectInfo
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string? PermitNo { get; set; }
}

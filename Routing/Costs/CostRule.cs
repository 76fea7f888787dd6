using Gateway.Contracts.Cases;

namespace Gateway.Routing.Costs;

/// <summary>
/// Who bears a service's outer works outside the red line, per region file: a fixed bearer, or bands by power
/// capacity (kW, taken 1:1 from kVA) with the bearer above the last band.
/// </summary>
public sealed record CostRule(IReadOnlyList<ServiceType> Services, CostBearer? Bearer, IReadOnlyList<CapacityBand> CapacityBands, CostBearer? Above, string? Note);

public sealed record CapacityBand(decimal UpToKw, CostBearer Bearer);

/// <summary>The bearer decided for one requested service, with the reason shown to people.</summary>
public sealed record CostDecision(ServiceType Service, CostBearer Bearer, string Reason);

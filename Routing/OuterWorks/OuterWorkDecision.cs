using Gateway.Contracts.Cases;

namespace Gateway.Routing.OuterWorks;

/// <summary>The path decided for one outer work, the rule that decided it (if any) and every reason, in order.</summary>
public sealed record OuterWorkDecision(ServiceType Service, OuterWorkPath Path, string? Rule, IReadOnlyList<string> Reasons);

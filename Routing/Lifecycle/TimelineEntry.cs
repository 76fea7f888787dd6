using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Routing.Lifecycle;

/// <summary>One line of a case's timeline, as a rule or use case writes it.</summary>
public sealed record TimelineEntry(long At, TimelineType Type, string Actor, string? Detail, string? DispatchId = null)
{
    /// <summary><see cref="Type"/> under its stored name.</summary>
    public string TypeName => WireName.Of(Type);
}

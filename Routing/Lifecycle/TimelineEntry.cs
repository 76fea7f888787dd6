namespace Gateway.Routing.Lifecycle;

/// <summary>One line of a case's timeline, as a rule or use case writes it.</summary>
public sealed record TimelineEntry(long At, string Type, string Actor, string? Detail, string? DispatchId = null);

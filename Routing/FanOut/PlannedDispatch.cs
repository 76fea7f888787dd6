using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Deadlines;

namespace Gateway.Routing.FanOut;

/// <summary>
/// One counterpart that must act on a case, with the SLA step and due time that bind it; approval requests carry their
/// question (INVOLVEMENT, then APPROVAL). <c>Due</c> is null where the plan names no limit for the step (a department in
/// Xin County, Ninghe or Ezhou; the approval of special-demonstration works): the request carries no due time.
/// </summary>
public sealed record PlannedDispatch(
    string CounterpartId,
    DispatchKind Kind,
    ServiceType? Service,
    string SlaStep,
    decimal SlaDays,
    DueTime? Due,
    string? Question = null);

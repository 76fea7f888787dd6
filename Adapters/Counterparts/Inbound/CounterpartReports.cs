using Gateway.Adapters.Portals.Validation;

using Gateway.Contracts;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Adapters.Counterparts.Inbound;

/// <summary>
/// <c>POST /api/counterparts/{id}/events</c>: a utility's progress on a work order, or one of its clock events
/// (docs/lifecycle.md) with what that event needs: <c>until</c> (a deferral), <c>agreedAt</c>, <c>plannedStart</c>.
/// </summary>
public sealed record ProgressReport(string? EventId, string? DispatchId, string? OrderNo, string? Status, string? At, string? Note,
    string? Until = null, string? AgreedAt = null, string? PlannedStart = null);

/// <summary><c>POST /api/counterparts/{id}/decisions</c> (and SOAP ReportDecision): a department's decision.</summary>
public sealed record DecisionReport(string? EventId, string? DispatchId, string? Decision, string? PermitNo, string? At, string? Reason);

/// <summary>Field checks shared by REST and SOAP; the allowed status and decision values come from the case rules.</summary>
public static class CounterpartReportValidator
{
    public static FieldErrors Validate(ProgressReport r, IReadOnlySet<string> statuses)
    {
        var e = Common(r.EventId, r.DispatchId, r.At);
        e.Required("orderNo", r.OrderNo, "工单号");
        if (e.Required("status", r.Status, "办理状态") && !statuses.Contains(r.Status!))
            e.Add("status", ErrorCodes.InvalidValue, $"办理状态应为 {string.Join("、", statuses)} 之一");
        Length(e, "note", r.Note, 500, "备注");
        if (r.Status == WireName.Of(UtilityEvent.ConnectionDeferred) && e.Required("until", r.Until, "延后接通日期")
            && !BeijingTime.TryParseDate(r.Until, out _))
            e.Add("until", ErrorCodes.InvalidFormat, "延后接通日期应为 yyyy-MM-dd");
        if (r.Status == WireName.Of(UtilityEvent.ConnectionAgreed) && e.Required("agreedAt", r.AgreedAt, "约定接通时间")
            && !BeijingTime.TryParse(r.AgreedAt, out _))
            e.Add("agreedAt", ErrorCodes.InvalidFormat, "约定接通时间应为 ISO-8601 时间，如 2026-11-24T10:00:00+08:00");
        if (r.Status == WireName.Of(UtilityEvent.CommitmentFiled) && e.Required("plannedStart", r.PlannedStart, "计划开工日期")
            && !BeijingTime.TryParseDate(r.PlannedStart, out _) && !BeijingTime.TryParse(r.PlannedStart, out _))
            e.Add("plannedStart", ErrorCodes.InvalidFormat, "计划开工日期应为 yyyy-MM-dd 或 ISO-8601 时间");
        return e;
    }

    public static FieldErrors Validate(DecisionReport r, IReadOnlySet<string> decisions)
    {
        var e = Common(r.EventId, r.DispatchId, r.At);
        if (e.Required("decision", r.Decision, "审批结论") && !decisions.Contains(r.Decision!))
            e.Add("decision", ErrorCodes.InvalidValue, $"审批结论应为 {string.Join("、", decisions)} 之一");
        Length(e, "permitNo", r.PermitNo, 64, "许可证号");
        if (r.Decision == WireName.Of(Decision.Rejected) || r.Decision == WireName.Of(Decision.NeedsMoreInfo)) e.Required("reason", r.Reason, "原因");
        Length(e, "reason", r.Reason, 500, "原因");
        return e;
    }

    private static FieldErrors Common(string? eventId, string? dispatchId, string? at)
    {
        var e = new FieldErrors();
        if (e.Required("eventId", eventId, "事件编号")) Length(e, "eventId", eventId, 64, "事件编号");
        e.Required("dispatchId", dispatchId, "派单编号");
        if (e.Required("at", at, "发生时间") && !BeijingTime.TryParse(at, out _))
            e.Add("at", ErrorCodes.InvalidFormat, "发生时间应为 ISO-8601 时间，如 2026-11-24T10:00:00+08:00");
        return e;
    }

    private static void Length(FieldErrors e, string field, string? value, int max, string label)
    {
        if (value is { Length: var n } && n > max) e.Add(field, ErrorCodes.OutOfRange, $"{label}不能超过 {max} 个字符");
    }
}

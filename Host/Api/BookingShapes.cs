using System.ComponentModel;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Lifecycle;

namespace Gateway.Host.Api;

/// <summary><c>POST /api/portals/{portal}/bookings</c>: the applicant books the joint acceptance and connection.</summary>
[Description("预约联合验收与接通 (the applicant books one time for every utility of the case)")]
public sealed record BookingRequest(
    [property: Description("申报编号 (the portal's application number)")] string? ApplyNo,
    [property: Description("预约日期 (yyyy-MM-dd, after today, a working day)")] string? Date,
    [property: Description("预约时段 (HH:mm-HH:mm inside office hours; absent: the whole office day)")] string? Slot,
    [property: Description("备注 (note, ≤ 500 characters; shown on the timeline)")] string? Note);

/// <summary><c>POST /api/counterparts/{id}/appointments</c>: a utility answers its appointment.</summary>
[Description("预约答复 (a utility confirms the booked time or proposes another)")]
public sealed record AppointmentReport(
    [property: Description("事件编号 (event id: a repeat is a no-op)")] string? EventId,
    [property: Description("预约单派单编号 (the appointment's dispatch id)")] string? DispatchId,
    [property: Description("答复 (CONFIRMED or PROPOSED)")] string? Answer,
    [property: Description("提议日期 (PROPOSED: yyyy-MM-dd, after today)")] string? ProposedDate,
    [property: Description("提议时段 (PROPOSED: HH:mm-HH:mm; absent: the whole office day)")] string? ProposedSlot,
    [property: Description("备注 (note, ≤ 500 characters)")] string? Note,
    [property: Description("发生时间 (ISO-8601 with offset)")] string? At);

[Description("预约回执 (booking receipt)")]
public sealed record BookingReceipt(
    [property: Description("案件编号 (case id)")] string CaseId,
    [property: Description("预约编号 (booking id)")] string BookingId,
    [property: Description("第几次预约 (round: 1, then one more after each conflict)")] int Round,
    [property: Description("状态 (PENDING until every utility answered)")] BookingStatus Status,
    [property: Description("开始 (start, Beijing time)")] DateTimeOffset Start,
    [property: Description("结束 (end, Beijing time)")] DateTimeOffset End,
    [property: Description("收到预约单的单位 (the utilities asked)")] IReadOnlyList<string> CounterpartIds);

[Description("预约 (the case's latest booking)")]
public sealed record BookingView(
    [property: Description("预约编号 (booking id)")] string BookingId,
    [property: Description("第几次预约 (round)")] int Round,
    [property: Description("状态 (PENDING, SETTLED or CONFLICT)")] BookingStatus Status,
    [property: Description("开始 (start)")] DateTimeOffset Start,
    [property: Description("结束 (end)")] DateTimeOffset End,
    [property: Description("预约门户 (portal)")] string Portal,
    [property: Description("预约时间 (requested at)")] DateTimeOffset RequestedAt,
    [property: Description("各单位答复 (answers per utility)")] IReadOnlyList<AppointmentAnswerView> Answers,
    [property: Description("约定时间 (settled at; absent until SETTLED)")] DateTimeOffset? SettledAt = null)
{
    // Nullable members have defaults: null is never written, so the document must not call them required.
    public static BookingView Of(BookingRow b, Func<string?, string?> text) => new(b.BookingId, b.Round, b.Status, CaseView.At(b.SlotStart),
        CaseView.At(b.SlotEnd), b.Portal, CaseView.At(b.RequestedAt),
        b.Answers.Select(a => new AppointmentAnswerView(a.CounterpartId, a.DispatchId, a.Answer,
            a.ProposedStart is { } ps ? CaseView.At(ps) : null, a.ProposedEnd is { } pe ? CaseView.At(pe) : null, text(a.Note),
            a.AnsweredAt is { } at ? CaseView.At(at) : null)).ToList(),
        b.SettledAt is { } s ? CaseView.At(s) : null);
}

[Description("单位答复 (one utility's answer; absent answer: not yet answered)")]
public sealed record AppointmentAnswerView(
    [property: Description("单位 (counterpart id)")] string CounterpartId,
    [property: Description("预约单派单编号 (dispatch id)")] string DispatchId,
    [property: Description("答复 (CONFIRMED or PROPOSED)")] AppointmentAnswer? Answer = null,
    [property: Description("提议开始 (proposed start)")] DateTimeOffset? ProposedStart = null,
    [property: Description("提议结束 (proposed end)")] DateTimeOffset? ProposedEnd = null,
    [property: Description("备注 (note)")] string? Note = null,
    [property: Description("答复时间 (answered at)")] DateTimeOffset? AnsweredAt = null);

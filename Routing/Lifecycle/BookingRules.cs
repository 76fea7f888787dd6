using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;
using Gateway.Routing.Regions;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// Booked joint acceptance and connection (docs/lifecycle.md): the applicant books one time, every utility with an open work
/// order gets an appointment, each confirms or proposes another time, and the last answer settles the booking for all (the
/// connection clocks start from it) or reports the conflict to the portal. Pure: snapshots in, effects out.
/// </summary>
public sealed class BookingRules(RegionCatalog regions, CalendarHolder calendars, LifecycleSettings settings)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly ClockRules _clocks = new(calendars, settings);

    /// <summary>The wire names an appointment answer may carry (what the validator accepts).</summary>
    public static readonly IReadOnlySet<string> Answers = Enum.GetValues<AppointmentAnswer>().Select(WireName.Of).ToHashSet();

    public static string Label(AppointmentAnswer answer) => answer switch
    {
        AppointmentAnswer.Confirmed => "确认预约时间", AppointmentAnswer.Proposed => "提议另约时间",
        _ => answer.ToString(),
    };

    /// <summary>The applicant's booking: refused unless the region offers booking and the case has utilities still to come.</summary>
    public Func<BookingSnapshot, CaseEffects> Book(BookingSlot slot, string portal, string? note = null) => s =>
    {
        var region = Region(s.Case.Region);
        if (region.Booking is null)
            return CaseEffects.Refuse("BOOKING_NOT_OFFERED", $"{region.Name}的实施方案未提供预约联合验收与接通服务");
        if (s.Case.Status is not (CaseStatus.Accepted or CaseStatus.Dispatched or CaseStatus.InProgress))
            return CaseEffects.Refuse("BOOKING_NOT_ALLOWED", $"案件 {s.Case.CaseId} 当前状态为 {WireName.Of(s.Case.Status)}，不能预约");
        if (s.Current is { Status: BookingStatus.Pending } pending)
            return CaseEffects.Refuse("BOOKING_PENDING", $"第 {pending.Round} 次预约（{Slot(pending.SlotStart, pending.SlotEnd)}）尚待各单位答复");
        if (s.Current is { Status: BookingStatus.Settled } settled)
            return CaseEffects.Refuse("BOOKING_ALREADY_SETTLED", $"已约定 {Slot(settled.SlotStart, settled.SlotEnd)}，不能重复预约");
        var workOrders = OpenWorkOrders(s.Dispatches).ToList();
        if (workOrders.Count == 0)
            return CaseEffects.Refuse("BOOKING_NOT_ALLOWED", $"案件 {s.Case.CaseId} 没有尚待接通的单位");

        var effects = new CaseEffects();
        var booking = new BookingRow
        {
            BookingId = $"bkg-{Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(s.Now)):N}",
            CaseId = s.Case.CaseId, Round = (s.Current?.Round ?? 0) + 1, Status = BookingStatus.Pending,
            SlotStart = slot.Start.ToUnixTimeMilliseconds(), SlotEnd = slot.End.ToUnixTimeMilliseconds(), Portal = portal, RequestedAt = s.Now,
        };
        var ordinal = s.Dispatches.Count == 0 ? 0 : s.Dispatches.Max(d => d.Ordinal);
        foreach (var order in workOrders)
        {
            // No plan names a limit for answering an appointment: the dispatch is untimed.
            var planned = new PlannedDispatch(order.CounterpartId, DispatchKind.Appointment,
                order.Service is { } service ? WireName.Parse<ServiceType>(service) : null, SlaStep.Connection, 0, null);
            var appointment = NewDispatch.From(planned, s.Case.CaseId, ++ordinal, s.Now, settings, relatedTo: order.DispatchId);
            effects.NewDispatches.Add(appointment);
            booking.Answers.Add(new AppointmentEntry(order.CounterpartId, appointment.DispatchId));
        }
        effects.Booking = booking;
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.BookingRequested, $"portal:{portal}",
            $"申请人预约联合验收与接通（第 {booking.Round} 次）：{Slot(booking.SlotStart, booking.SlotEnd)}，预约单发往 {string.Join("、", workOrders.Select(w => w.CounterpartId))}"
            + (string.IsNullOrWhiteSpace(note) ? "" : $"（{note}）")));
        return effects;
    };

    /// <summary>
    /// A utility's answer to its appointment; the last answer of the round settles the booking (all confirmed: connection
    /// clocks start from the agreed time) or reports the conflict (any proposal).
    /// </summary>
    public Func<CaseSnapshot, CaseEffects> Answer(AppointmentAnswer answer, BookingSlot? proposed, string? note) => s =>
    {
        var d = s.Subject;
        if (d.Kind != DispatchKind.Appointment)
            return CaseEffects.Refuse("WRONG_DISPATCH_KIND", $"{d.DispatchId} 不是预约单，请通过 events 或 decisions 接口报告");
        var booking = s.Booking;
        var entry = booking?.Answers.FirstOrDefault(a => a.DispatchId == d.DispatchId);
        if (booking is null || entry is null || booking.Status != BookingStatus.Pending)
            return CaseEffects.Refuse("BOOKING_NOT_PENDING", $"预约单 {d.DispatchId} 所属的预约已不再等待答复");
        if (entry.Answer is not null)
            return CaseEffects.Refuse("ALREADY_ANSWERED", $"预约单 {d.DispatchId} 已答复（{WireName.Of(entry.Answer.Value)}）");

        var effects = new CaseEffects();
        var changed = booking.Copy();
        var answered = entry with
        {
            Answer = answer, ProposedStart = proposed?.Start.ToUnixTimeMilliseconds(), ProposedEnd = proposed?.End.ToUnixTimeMilliseconds(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note, AnsweredAt = s.Now,
        };
        changed.Answers = changed.Answers.Select(a => a.DispatchId == d.DispatchId ? answered : a).ToList();
        effects.Booking = changed;
        effects.DispatchChanges.Add(new DispatchChange(d.DispatchId, DispatchStatus.Done, WireName.Of(answer), Met: true));
        var proposal = proposed is null ? "" : $"：{Slot(answered.ProposedStart!.Value, answered.ProposedEnd!.Value)}";
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.AppointmentAnswered, $"counterpart:{d.CounterpartId}",
            $"{d.CounterpartId}：{Label(answer)}{proposal}{(answered.Note is null ? "" : $"（{answered.Note}）")}", d.DispatchId));

        CloseIfLastOpen(s, effects);
        if (changed.Answers.Any(a => a.Answer is null)) return effects;
        if (changed.Answers.All(a => a.Answer == AppointmentAnswer.Confirmed)) Settle(s, changed, effects);
        else
        {
            changed.Status = BookingStatus.Conflict;
            var proposals = string.Join("；", changed.Answers.Where(a => a.Answer == AppointmentAnswer.Proposed)
                .Select(a => $"{a.CounterpartId} 提议 {Slot(a.ProposedStart!.Value, a.ProposedEnd!.Value)}"));
            var detail = $"预约时间 {Slot(changed.SlotStart, changed.SlotEnd)} 未能统一：{proposals}；请重新预约";
            effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.BookingConflict, "gateway", detail));
            effects.Callbacks.Add((PortalEventNames.BookingConflict, null, detail));
        }
        return effects;
    };

    private void Settle(CaseSnapshot s, BookingRow booking, CaseEffects effects)
    {
        booking.Status = BookingStatus.Settled;
        booking.SettledAt = s.Now;
        var slot = Slot(booking.SlotStart, booking.SlotEnd);
        var detail = $"{slot} 联合验收与接通，各单位均已确认：{string.Join("、", booking.Answers.Select(a => a.CounterpartId))}";
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.BookingSettled, "gateway", detail));
        effects.Callbacks.Add((PortalEventNames.BookingSettled, null, detail));
        var asked = booking.Answers.Select(a => a.CounterpartId).ToHashSet();
        _clocks.OnBookingSettled(s, Region(s.Case.Region), booking.SlotStart,
            OpenWorkOrders(s.Dispatches).Where(d => asked.Contains(d.CounterpartId)), effects);
    }

    /// <summary>
    /// Every utility connected while this appointment was still open: the case waited only for it, so answering it closes
    /// the case (the CONNECTED transition closes a case only when nothing is left open at that moment).
    /// </summary>
    private static void CloseIfLastOpen(CaseSnapshot s, CaseEffects effects)
    {
        if (s.Case.Status != CaseStatus.Connected) return;
        if (!s.Dispatches.All(x => x.DispatchId == s.Subject.DispatchId || x.Status is DispatchStatus.Done or DispatchStatus.Rejected)) return;
        effects.Timeline.Add(new TimelineEntry(s.Now, TimelineType.Closed, "gateway", "全部派单已办结，报装办结"));
        effects.Callbacks.Add((PortalEventNames.CaseClosed, null, "联合报装已办结"));
        effects.CaseStatus = CaseStatus.Closed;
    }

    /// <summary>Each utility's original work order, while it is neither connected nor rejected.</summary>
    private static IEnumerable<DispatchRow> OpenWorkOrders(IEnumerable<DispatchRow> dispatches) =>
        dispatches.Where(d => d.Kind == DispatchKind.WorkOrder && d.RelatedDispatchId is null
                && d.Status is not (DispatchStatus.Done or DispatchStatus.Rejected) && d.WorkProgress is not (WorkProgress.Connected or WorkProgress.Rejected))
            .GroupBy(d => d.CounterpartId).Select(g => g.First());

    /// <summary>A slot as the timeline and the portal read it: <c>yyyy-MM-dd HH:mm-HH:mm</c> (Beijing time).</summary>
    public static string Slot(long start, long end)
    {
        var (from, to) = (Local(start), Local(end));
        return from.Date == to.Date ? $"{from:yyyy-MM-dd HH:mm}-{to:HH:mm}" : $"{from:yyyy-MM-dd HH:mm}-{to:yyyy-MM-dd HH:mm}";
    }

    private RegionPolicy Region(string id) => regions.Find(id) ?? throw new InvalidOperationException($"region {id} is not configured");
    private static DateTimeOffset Local(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(Beijing);
}

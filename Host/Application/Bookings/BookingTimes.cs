using Gateway.Adapters.Portals.Validation;
using Gateway.Routing.Deadlines;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Application.Bookings;

/// <summary>
/// A booked or proposed time as the wire spells it (date <c>yyyy-MM-dd</c>, slot <c>HH:mm-HH:mm</c>) checked against the
/// region (docs/lifecycle.md): after today, a working day, inside office hours; without a slot, the whole office day.
/// </summary>
public static class BookingTimes
{
    /// <summary>Format only (before the case is known): field errors for a date or slot that does not read.</summary>
    public static void CheckFormat(FieldErrors e, string dateField, string? date, string slotField, string? slot, string label, bool required = true)
    {
        if ((!required && string.IsNullOrWhiteSpace(date)) || !e.Required(dateField, date, label)) { }
        else if (!BeijingTime.TryParseDate(date, out _)) e.Add(dateField, ErrorCodes.InvalidFormat, $"{label}应为 yyyy-MM-dd，如 2026-12-03");
        if (slot is null) return;
        if (!SlotParts(slot, out var start, out var end))
            e.Add(slotField, ErrorCodes.InvalidFormat, "时段应为 HH:mm-HH:mm，如 09:00-12:00");
        else if (start >= end) e.Add(slotField, ErrorCodes.OutOfRange, "时段的开始时间应早于结束时间");
    }

    /// <summary>The instants of a well-formed date and slot in this region, or field errors (past, holiday, outside office hours).</summary>
    public static BookingSlot? Resolve(FieldErrors e, string dateField, string date, string slotField, string? slot, string label,
        RegionPolicy region, WorkingCalendar calendar, DateTimeOffset now)
    {
        var day = DateOnly.ParseExact(date.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(now.ToOffset(BeijingTime.Offset).DateTime);
        if (day <= today)
        {
            e.Add(dateField, ErrorCodes.DateInPast, $"{label}应晚于今天（{today:yyyy-MM-dd}）");
            return null;
        }
        if (!calendar.IsWorkingDayProvisional(day))
        {
            e.Add(dateField, ErrorCodes.NotWorkingDay, $"{day:yyyy-MM-dd} 不是工作日，请选择工作日");
            return null;
        }
        var (open, close) = (region.OfficeHours.Periods[0].Start, region.OfficeHours.Periods[^1].End);
        var (start, end) = (open, close);
        if (slot is not null)
        {
            SlotParts(slot, out start, out end);
            if (start < open || end > close)
            {
                e.Add(slotField, ErrorCodes.OutOfRange, $"时段应在办公时间 {open:HH\\:mm}-{close:HH\\:mm} 之内");
                return null;
            }
        }
        DateTimeOffset At(TimeOnly t) => new(day.ToDateTime(t), BeijingTime.Offset);
        return new BookingSlot(At(start), At(end));
    }

    private static bool SlotParts(string text, out TimeOnly start, out TimeOnly end)
    {
        start = end = default;
        var parts = text.Trim().Split('-');
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0].Trim(), "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out start)
            && TimeOnly.TryParseExact(parts[1].Trim(), "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out end);
    }
}

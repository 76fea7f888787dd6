using System.Text.Json;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Json;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Gateway.Routing.Deadlines;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.UnitTests.Cases;

/// <summary>The booking rules on snapshots: who is asked, when the booking settles or conflicts, and the connection clocks it starts.</summary>
public sealed class BookingRulesTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly BookingRules Rules = new(TestRepo.Regions, new CalendarHolder(TestRepo.Config),
        new LifecycleSettings(DispatchLease: TimeSpan.FromSeconds(60), DeadlineWarningFraction: 0.75));
    private static readonly long Tuesday10 = new DateTimeOffset(2026, 11, 24, 10, 0, 0, Beijing).ToUnixTimeMilliseconds();
    // Thursday 2026-12-03 09:00-12:00.
    private static readonly BookingSlot Thursday = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, Beijing), new DateTimeOffset(2026, 12, 3, 12, 0, 0, Beijing));

    private static long Ms(int month, int day, int hour, int minute = 0) => new DateTimeOffset(2026, month, day, hour, minute, 0, Beijing).ToUnixTimeMilliseconds();

    private static DispatchRow WorkOrder(string id, string counterpart, string service, DispatchStatus status = DispatchStatus.Acknowledged, string? progress = null) => new()
    {
        DispatchId = id, CaseId = "c1", CounterpartId = counterpart, Kind = DispatchKind.WorkOrder, Service = service, Status = status,
        Progress = progress, SlaStep = "WORK_ORDER_RESPONSE", Ordinal = id.Length,
    };

    private static CaseRow Case(string region, CaseStatus status = CaseStatus.Dispatched) => new()
    {
        CaseId = "c1", Region = region, Status = status, Portal = "zhejiang",
        ApplicationJson = JsonSerializer.Serialize(new HookupApplication(), GatewayJson.Options),
    };

    /// <summary>Booked, then each appointment answered in turn; returns the last answer's effects.</summary>
    private static (CaseEffects Booked, CaseEffects Last) BookAndAnswer(string region, DispatchRow[] orders, params (AppointmentAnswer Answer, BookingSlot? Proposal)[] answers)
    {
        var booked = Rules.Book(Thursday, "zhejiang")(new BookingSnapshot(Case(region), orders, null, Tuesday10));
        Assert.Null(booked.Refusal);
        var booking = booked.Booking!;
        var dispatches = orders.Concat(booked.NewDispatches).ToList();
        CaseEffects last = null!;
        for (var i = 0; i < answers.Length; i++)
        {
            var subject = booked.NewDispatches[i];
            last = Rules.Answer(answers[i].Answer, answers[i].Proposal, null)(
                new CaseSnapshot(Case(region), new CasePolicyDocument([], [], null, null), dispatches, subject, Tuesday10, [], booking));
            Assert.Null(last.Refusal);
            booking = last.Booking!;
        }
        return (booked, last);
    }

    [Fact]
    public void Every_open_work_order_gets_one_untimed_appointment_related_to_it()
    {
        var orders = new[]
        {
            WorkOrder("w1", "keqiao-water", "WATER"), WorkOrder("p1", "keqiao-power", "POWER"),
            WorkOrder("g1", "keqiao-gas", "GAS", DispatchStatus.Rejected, "REJECTED"),
            WorkOrder("n1", "keqiao-ctcc", "NETWORK", DispatchStatus.Done, "CONNECTED"),
        };
        var effects = Rules.Book(Thursday, "zhejiang", "厂区东门集合")(new BookingSnapshot(Case("keqiao"), orders, null, Tuesday10));
        Assert.Equal(["w1", "p1"], effects.NewDispatches.Select(d => d.RelatedDispatchId));
        Assert.All(effects.NewDispatches, d => Assert.Equal(DispatchKind.Appointment, d.Kind));
        Assert.All(effects.NewDispatches, d => Assert.False(d.Timed));
        Assert.Equal(BookingStatus.Pending, effects.Booking!.Status);
        Assert.Equal(1, effects.Booking.Round);
        Assert.Equal(effects.NewDispatches.Select(d => d.DispatchId), effects.Booking.Answers.Select(a => a.DispatchId));
        var entry = Assert.Single(effects.Timeline);
        Assert.Equal(TimelineType.BookingRequested, entry.Type);
        Assert.Contains("2026-12-03 09:00-12:00", entry.Detail);
        Assert.Contains("厂区东门集合", entry.Detail);
    }

    [Theory]
    [InlineData("ezhou", CaseStatus.Dispatched, null, "BOOKING_NOT_OFFERED")]
    [InlineData("keqiao", CaseStatus.Connected, null, "BOOKING_NOT_ALLOWED")]
    [InlineData("keqiao", CaseStatus.Dispatched, BookingStatus.Pending, "BOOKING_PENDING")]
    [InlineData("keqiao", CaseStatus.Dispatched, BookingStatus.Settled, "BOOKING_ALREADY_SETTLED")]
    public void A_booking_is_refused_where_the_plan_offers_none_or_the_case_cannot_take_one(string region, CaseStatus status, BookingStatus? current, string code)
    {
        var orders = new[] { WorkOrder("w1", $"{region}-water", "WATER") };
        var existing = current is { } c ? new BookingRow { BookingId = "b0", CaseId = "c1", Round = 1, Status = c, SlotStart = Thursday.Start.ToUnixTimeMilliseconds(),
            SlotEnd = Thursday.End.ToUnixTimeMilliseconds() } : null;
        var effects = Rules.Book(Thursday, "zhejiang")(new BookingSnapshot(Case(region, status), orders, existing, Tuesday10));
        Assert.Equal(code, effects.Refusal?.Code);
    }

    [Fact]
    public void All_confirmed_settles_tells_the_portal_and_starts_keqiao_connection_clocks_3_wd_after_the_agreed_time()
    {
        var orders = new[] { WorkOrder("w1", "keqiao-water", "WATER"), WorkOrder("p1", "keqiao-power", "POWER") };
        var (_, first) = BookAndAnswer("keqiao", orders, (AppointmentAnswer.Confirmed, null));
        Assert.Equal(BookingStatus.Pending, first.Booking!.Status);
        Assert.Empty(first.NewClocks);

        var (_, last) = BookAndAnswer("keqiao", orders, (AppointmentAnswer.Confirmed, null), (AppointmentAnswer.Confirmed, null));
        Assert.Equal(BookingStatus.Settled, last.Booking!.Status);
        Assert.Equal(Tuesday10, last.Booking.SettledAt);
        var (@event, _, detail) = Assert.Single(last.Callbacks);
        Assert.Equal(PortalEventNames.BookingSettled, @event);
        Assert.StartsWith("2026-12-03 09:00-12:00", detail);
        // Thursday 09:00, its day not counted: Fri 4, Mon 7, Tue 8 at the close of office hours.
        Assert.Equal(["keqiao-water", "keqiao-power"], last.NewClocks.Select(c => c.CounterpartId));
        Assert.All(last.NewClocks, c =>
        {
            Assert.Equal(SlaStepName.Connection, c.Step);
            Assert.Equal(Ms(12, 8, 17, 30), c.DueAt);
            Assert.Equal(Thursday.Start.ToUnixTimeMilliseconds(), c.DueFrom);
        });
        Assert.Equal(["w1", "p1"], last.NewClocks.Select(c => c.DispatchId));
    }

    [Fact]
    public void Xin_county_connects_1_wd_after_the_agreed_time_and_ninghe_names_no_connection_limit()
    {
        var (_, xinxian) = BookAndAnswer("xinxian", [WorkOrder("w1", "xinxian-water", "WATER")], (AppointmentAnswer.Confirmed, null));
        Assert.Equal(Ms(12, 4, 17, 30), Assert.Single(xinxian.NewClocks).DueAt);

        var (_, ninghe) = BookAndAnswer("ninghe", [WorkOrder("w1", "ninghe-water", "WATER")], (AppointmentAnswer.Confirmed, null));
        Assert.Equal(BookingStatus.Settled, ninghe.Booking!.Status);
        Assert.Empty(ninghe.NewClocks);
    }

    [Fact]
    public void A_settled_booking_re_times_a_connection_clock_already_running()
    {
        var water = WorkOrder("w1", "keqiao-water", "WATER");
        var running = new ClockRow
        {
            ClockId = "k1", CaseId = "c1", Step = SlaStepName.Connection, CounterpartId = "keqiao-water", DispatchId = "w1", StartedAt = Tuesday10,
            DueFrom = Tuesday10, SlaHalfDays = 6, DueAt = Ms(11, 27, 17, 30),
        };
        var booked = Rules.Book(Thursday, "zhejiang")(new BookingSnapshot(Case("keqiao"), [water], null, Tuesday10));
        var settled = Rules.Answer(AppointmentAnswer.Confirmed, null, null)(new CaseSnapshot(Case("keqiao"), new CasePolicyDocument([], [], null, null),
            [water, .. booked.NewDispatches], booked.NewDispatches[0], Tuesday10, [running], booked.Booking));
        Assert.Empty(settled.NewClocks);
        Assert.Equal(Ms(12, 8, 17, 30), Assert.Single(settled.ClockChanges).DueAt);
    }

    [Fact]
    public void Any_proposal_makes_a_conflict_reported_with_each_proposal_and_starts_no_clock()
    {
        var proposal = new BookingSlot(new DateTimeOffset(2026, 12, 4, 13, 30, 0, Beijing), new DateTimeOffset(2026, 12, 4, 17, 30, 0, Beijing));
        var orders = new[] { WorkOrder("w1", "keqiao-water", "WATER"), WorkOrder("p1", "keqiao-power", "POWER") };
        var (_, last) = BookAndAnswer("keqiao", orders, (AppointmentAnswer.Confirmed, null), (AppointmentAnswer.Proposed, proposal));
        Assert.Equal(BookingStatus.Conflict, last.Booking!.Status);
        Assert.Empty(last.NewClocks);
        var (@event, _, detail) = Assert.Single(last.Callbacks);
        Assert.Equal(PortalEventNames.BookingConflict, @event);
        Assert.Contains("keqiao-power 提议 2026-12-04 13:30-17:30", detail);
        Assert.Equal(DispatchStatus.Done, Assert.Single(last.DispatchChanges).Status);
    }

    [Fact]
    public void An_answer_twice_on_a_work_order_or_for_a_booking_no_longer_pending_is_refused()
    {
        var water = WorkOrder("w1", "keqiao-water", "WATER");
        var booked = Rules.Book(Thursday, "zhejiang")(new BookingSnapshot(Case("keqiao"), [water], null, Tuesday10));
        var appointment = booked.NewDispatches[0];
        CaseSnapshot On(DispatchRow subject, BookingRow? booking) =>
            new(Case("keqiao"), new CasePolicyDocument([], [], null, null), [water, appointment], subject, Tuesday10, [], booking);

        Assert.Equal("WRONG_DISPATCH_KIND", Rules.Answer(AppointmentAnswer.Confirmed, null, null)(On(water, booked.Booking)).Refusal?.Code);
        var settled = Rules.Answer(AppointmentAnswer.Confirmed, null, null)(On(appointment, booked.Booking)).Booking!;
        Assert.Equal("BOOKING_NOT_PENDING", Rules.Answer(AppointmentAnswer.Confirmed, null, null)(On(appointment, settled)).Refusal?.Code);
        var answered = booked.Booking!.Copy();
        answered.Answers = [answered.Answers[0] with { Answer = AppointmentAnswer.Confirmed }, new AppointmentEntry("keqiao-power", "p9")];
        Assert.Equal("ALREADY_ANSWERED", Rules.Answer(AppointmentAnswer.Confirmed, null, null)(On(appointment, answered)).Refusal?.Code);
    }

    [Fact]
    public void Answering_the_last_open_appointment_of_a_connected_case_closes_it()
    {
        var water = WorkOrder("w1", "keqiao-water", "WATER");
        var booked = Rules.Book(Thursday, "zhejiang")(new BookingSnapshot(Case("keqiao"), [water], null, Tuesday10));
        var appointment = booked.NewDispatches[0];
        var connected = WorkOrder("w1", "keqiao-water", "WATER", DispatchStatus.Done, "CONNECTED");
        var effects = Rules.Answer(AppointmentAnswer.Confirmed, null, null)(new CaseSnapshot(Case("keqiao", CaseStatus.Connected),
            new CasePolicyDocument([], [], null, null), [connected, appointment], appointment, Tuesday10, [], booked.Booking));
        Assert.Equal(CaseStatus.Closed, effects.CaseStatus);
        Assert.Contains(effects.Callbacks, c => c.Event == PortalEventNames.CaseClosed);
        Assert.Empty(effects.NewClocks); // nothing left to connect
    }
}

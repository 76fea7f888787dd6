using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;
using Gateway.Routing.Regions;
using Gateway.UnitTests.Deadlines;

namespace Gateway.UnitTests.Routing;

public sealed class FanOutPlannerTests
{
    private static readonly FanOutPlanner Planner = new();
    private static readonly DeadlineCalculator Deadlines = CalendarTestData.Calculator;
    private static readonly RegionPolicy Keqiao = TestRepo.Regions.Find("keqiao")!;
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    private static HookupApplication Application(Action<HookupApplication> configure)
    {
        var app = new HookupApplication { AdminCode = "330603", Zone = "kqedz" };
        configure(app);
        return app;
    }

    [Fact]
    public void One_work_order_per_requested_service_to_the_regions_utility()
    {
        var plan = Planner.Plan(Application(a =>
        {
            a.Water = new WaterDemand();
            a.Power = new PowerDemand();
            a.Gas = new GasDemand();
            a.Network = new NetworkDemand { Carriers = [Carrier.Ctcc] };
        }), Keqiao, Monday10, Deadlines);

        Assert.Equal(["keqiao-water", "keqiao-power", "keqiao-gas", "keqiao-ctcc"], plan.Select(p => p.CounterpartId));
        Assert.All(plan, p => Assert.Equal(DispatchKind.WorkOrder, p.Kind));
        Assert.Equal([ServiceType.Water, ServiceType.Power, ServiceType.Gas, ServiceType.Network], plan.Select(p => p.Service!.Value));
    }

    [Fact]
    public void Network_without_carriers_goes_to_all_three_and_duplicates_collapse()
    {
        var all = Planner.Plan(Application(a => a.Network = new NetworkDemand()), Keqiao, Monday10, Deadlines);
        Assert.Equal(["keqiao-cmcc", "keqiao-cucc", "keqiao-ctcc"], all.Select(p => p.CounterpartId));

        var two = Planner.Plan(Application(a => a.Network = new NetworkDemand { Carriers = [Carrier.Cucc, Carrier.Cmcc, Carrier.Cucc] }), Keqiao, Monday10, Deadlines);
        Assert.Equal(["keqiao-cmcc", "keqiao-cucc"], two.Select(p => p.CounterpartId));
    }

    [Fact]
    public void Work_orders_are_due_at_close_of_the_next_working_day()
    {
        // Keqiao's WORK_ORDER_RESPONSE is 1 working day: Monday 2026-11-23 → Tuesday 17:30.
        var plan = Planner.Plan(Application(a => a.Water = new WaterDemand()), Keqiao, Monday10, Deadlines);
        var due = Assert.Single(plan).Due!;
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 30, 0, TimeSpan.FromHours(8)), due.At);
        Assert.False(due.Provisional);
    }

    [Fact]
    public void A_deadline_past_the_last_calendar_is_provisional_not_an_error()
    {
        var lateDecember = new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.FromHours(8));
        var due = Assert.Single(Planner.Plan(Application(a => a.Water = new WaterDemand()), Keqiao, lateDecember, Deadlines)).Due!;
        Assert.True(due.Provisional);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 17, 30, 0, TimeSpan.FromHours(8)), due.At);
    }

    [Theory]
    [InlineData(500, 26)]  // 3 wd from Monday 11-23: Tue, Wed, Thu 11-26
    [InlineData(350, 26)]
    [InlineData(501, 30)]  // 5 wd: Tue, Wed, Thu, Fri, Mon 11-30
    [InlineData(1000, 30)]
    public void Ezhou_work_orders_are_due_by_distance_to_the_main_network(int distanceM, int dueDayOfNovember)
    {
        var ezhou = TestRepo.Regions.Find("ezhou")!;
        var app = new HookupApplication { AdminCode = "420700", DistanceToMainM = distanceM, Water = new WaterDemand() };
        var planned = Assert.Single(Planner.Plan(app, ezhou, Monday10, Deadlines));
        Assert.Equal(new DateTimeOffset(2026, 11, dueDayOfNovember, 17, 30, 0, TimeSpan.FromHours(8)), planned.Due!.At);
        Assert.Equal(FanOutPlanner.HookupByDistanceStep, planned.SlaStep);
    }

    [Fact]
    public void Puyang_utilities_contact_the_applicant_within_half_a_working_day()
    {
        var puyang = TestRepo.Regions.Find("puyang")!;
        var app = new HookupApplication { AdminCode = "410928", Heating = new HeatingDemand() };
        var planned = Assert.Single(Planner.Plan(app, puyang, Monday10, Deadlines));
        Assert.Equal("puyang-heating", planned.CounterpartId);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.FromHours(8)), planned.Due!.At); // 10:00–12:00 + 13:30–15:00
    }

    [Fact]
    public void Outer_works_off_the_commitment_path_ask_every_department_whether_it_is_involved()
    {
        var app = Application(a =>
        {
            a.Water = new WaterDemand();
            a.OuterWorks = [new OuterWork { Service = ServiceType.Water, LengthM = 250 }];
        });
        var decisions = app.OuterWorks.Select(w => Gateway.Routing.OuterWorks.OuterWorkPathDecider.Decide(w, Keqiao)).ToList();
        var plan = Planner.Plan(app, Keqiao, Monday10, Deadlines, decisions);

        var questions = plan.Where(p => p.Kind == DispatchKind.ApprovalRequest).ToList();
        Assert.Equal(Keqiao.Departments.Select(d => d.Id), questions.Select(q => q.CounterpartId));
        Assert.All(questions, q => Assert.Equal(ApprovalQuestion.Involvement, q.Question));
        // Keqiao: departments say whether they are involved within 1 working day → Tuesday 17:30.
        Assert.All(questions, q => Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 30, 0, TimeSpan.FromHours(8)), q.Due!.At));
        Assert.All(questions, q => Assert.Equal("DEPARTMENT_INVOLVEMENT", q.SlaStep));
    }

    [Fact]
    public void Outer_works_on_the_commitment_path_need_no_department()
    {
        var app = Application(a =>
        {
            a.Water = new WaterDemand();
            a.OuterWorks = [new OuterWork { Service = ServiceType.Water, LengthM = 150 }];
        });
        var decisions = app.OuterWorks.Select(w => Gateway.Routing.OuterWorks.OuterWorkPathDecider.Decide(w, Keqiao)).ToList();
        Assert.All(Planner.Plan(app, Keqiao, Monday10, Deadlines, decisions), p => Assert.Equal(DispatchKind.WorkOrder, p.Kind));
    }
}

using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.FanOut;
using Gateway.Routing.Lifecycle;

namespace Gateway.UnitTests.Cases;

/// <summary>What a later demand takes over from its intent, which stages are early, and what the notices are.</summary>
public sealed class IntentRulesTests
{
    private static HookupApplication Intent() => new()
    {
        Portal = "project-approval", PortalApplicationNo = "GC-1", AdminCode = "410928", Zone = null,
        Applicant = new Applicant { Name = "甲公司", Uscc = "91410928MA47LQ2E8C", Contact = "张三", Phone = "13800000000" },
        Project = new ProjectInfo { Code = "2026-410928-44-01-000112", Name = "车间", Address = "濮上路66号" },
        SurveyDate = new DateOnly(2026, 11, 27), DistanceToMainM = 300,
        Water = new WaterDemand { Business = BusinessType.New, DailyTons = 80 },
        Heating = new HeatingDemand { Business = BusinessType.New, AreaM2 = 8000 },
        OuterWorks = [new OuterWork { Service = ServiceType.Water, LengthM = 60 }],
        Stage = ProjectStage.ProjectApproval,
    };

    [Theory]
    [InlineData(ProjectStage.ProjectApproval, true)]
    [InlineData(ProjectStage.LandPlanning, true)]
    [InlineData(ProjectStage.ConstructionPermit, false)]
    [InlineData(null, false)]
    public void Only_stages_before_the_construction_permit_are_early(ProjectStage? stage, bool early) =>
        Assert.Equal(early, IntentRules.IsEarly(stage));

    [Fact]
    public void The_later_demand_wins_and_what_it_leaves_out_is_taken_from_the_intent()
    {
        var later = new HookupApplication
        {
            Portal = "project-approval", PortalApplicationNo = "GC-2", AdminCode = "410928",
            Applicant = new Applicant { Name = "甲公司", Uscc = "91410928MA47LQ2E8C", Contact = "李四", Phone = "13900000000" },
            Project = new ProjectInfo { Code = "2026-410928-44-01-000112", Name = "车间", Address = "濮上路66号", PermitNo = "P-1" },
            Water = new WaterDemand { Business = BusinessType.New, DailyTons = 95 },
            Stage = ProjectStage.ConstructionPermit,
        };
        var (merged, taken) = IntentRules.Merge(Intent(), later);

        Assert.Equal(95m, merged.Water!.DailyTons); // given: wins
        Assert.Equal("李四", merged.Applicant.Contact);
        Assert.Equal("P-1", merged.Project.PermitNo);
        Assert.Equal(8000m, merged.Heating!.AreaM2); // left out: taken over
        Assert.Equal(new DateOnly(2026, 11, 27), merged.SurveyDate);
        Assert.Equal(300m, merged.DistanceToMainM);
        Assert.Single(merged.OuterWorks);
        Assert.Equal(ProjectStage.ConstructionPermit, merged.Stage);
        Assert.Equal(["surveyDate", "distanceToMainM", "heating", "outerWorks"], taken);
        Assert.Null(later.Heating); // the later demand itself is not changed
    }

    [Fact]
    public void A_complete_later_demand_takes_nothing_over()
    {
        var later = Intent();
        later.Stage = ProjectStage.ConstructionPermit;
        var (_, taken) = IntentRules.Merge(Intent(), later);
        Assert.Empty(taken);
    }

    [Fact]
    public void Planning_notices_go_to_the_utilities_only_untimed()
    {
        var plan = new[]
        {
            new PlannedDispatch("puyang-water", DispatchKind.WorkOrder, ServiceType.Water, "WORK_ORDER_RESPONSE", 1, null),
            new PlannedDispatch("puyang-police", DispatchKind.ApprovalRequest, null, "PARALLEL_APPROVAL", 0.5m, null, "INVOLVEMENT"),
        };
        var notice = Assert.Single(IntentRules.PlanningNotices(plan));
        Assert.Equal("puyang-water", notice.CounterpartId);
        Assert.Equal(DispatchKind.PlanningNotice, notice.Kind);
        Assert.Null(notice.Due);
        Assert.Null(notice.Question);
    }
}

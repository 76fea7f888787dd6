using Gateway.Adapters.Portals.Zhejiang;

namespace Gateway.UnitTests.Portals;

public sealed class ZhejiangValidatorTests
{
    private static readonly ZhejiangValidator Validator = new(TestRepo.Regions);

    private static ZhejiangApplication Sample() => TestRepo.LoadSample<ZhejiangApplication>("zhejiang", "keqiao-factory.json");

    private static HashSet<(string Field, string Code)> ErrorsOf(ZhejiangApplication app) =>
        Validator.Validate(app).All.Select(e => (e.Field, e.Code)).ToHashSet();

    [Theory]
    [InlineData("keqiao-factory.json")]
    [InlineData("keqiao-office-all-carriers.json")]
    public void Samples_are_valid(string file) =>
        Assert.Empty(Validator.Validate(TestRepo.LoadSample<ZhejiangApplication>("zhejiang", file)).All);

    [Fact]
    public void Every_message_is_chinese()
    {
        var app = Sample();
        app.Applicant!.Uscc = "X";
        app.Demands = [];
        Assert.All(Validator.Validate(app).All, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
    }

    [Fact]
    public void Missing_required_fields_are_each_reported()
    {
        var app = Sample();
        app.ApplyNo = null;
        app.SubmitTime = " ";
        app.Project!.Name = null;
        app.Applicant!.Contact = "";
        app.Applicant.Mobile = null;
        Assert.Equal(new HashSet<(string, string)>
        {
            ("applyNo", "REQUIRED"), ("submitTime", "REQUIRED"), ("project.name", "REQUIRED"),
            ("applicant.contact", "REQUIRED"), ("applicant.mobile", "REQUIRED"),
        }, ErrorsOf(app));
    }

    [Fact]
    public void Unknown_area_is_unknown_region()
    {
        var app = Sample();
        app.AreaCode = "110101";
        Assert.Contains(("areaCode", "UNKNOWN_REGION"), ErrorsOf(app));
    }

    [Fact]
    public void Project_code_outside_the_region_is_a_mismatch_and_bad_shape_a_format_error()
    {
        var app = Sample();
        app.Project!.Code = "2026-330602-44-01-100231";
        Assert.Equal([("project.code", "REGION_MISMATCH")], ErrorsOf(app));
        app.Project.Code = "2026-330603-44-01";
        Assert.Equal([("project.code", "INVALID_FORMAT")], ErrorsOf(app));
    }

    [Fact]
    public void Uscc_shape_and_checksum_are_separate_errors()
    {
        var app = Sample();
        app.Applicant!.Uscc = "91330621MA2D8Q5X1I";
        Assert.Equal([("applicant.uscc", "INVALID_FORMAT")], ErrorsOf(app));
        app.Applicant.Uscc = "91330621MA2D8Q5X1B";
        Assert.Equal([("applicant.uscc", "USCC_CHECKSUM")], ErrorsOf(app));
    }

    [Fact]
    public void Zone_must_be_one_of_keqiaos_windows()
    {
        var app = Sample();
        app.ZoneCode = null;
        Assert.Equal([("zoneCode", "REQUIRED")], ErrorsOf(app));
        app.ZoneCode = "downtown";
        Assert.Equal([("zoneCode", "INVALID_VALUE")], ErrorsOf(app));
    }

    [Fact]
    public void No_demands_is_no_service_requested()
    {
        var app = Sample();
        app.Demands = [];
        app.OuterWorks = null;
        Assert.Equal([("demands", "NO_SERVICE_REQUESTED")], ErrorsOf(app));
    }

    [Fact]
    public void Heating_is_unsupported_in_keqiao_and_power_above_20kv_out_of_scope()
    {
        var app = Sample();
        app.Demands!.Add(new ZhejiangDemand { Type = "HEATING", Biz = "NEW" });
        app.Demands[1].VoltageKv = 35;
        Assert.Equal(new HashSet<(string, string)> { ("demands[4].type", "UNSUPPORTED_SERVICE"), ("demands[1].voltageKv", "OUT_OF_SCOPE") }, ErrorsOf(app));
    }

    [Fact]
    public void Enumerations_and_numbers_are_checked_per_service()
    {
        var app = Sample();
        app.Demands![0].Usage = ["PRODUCTION", "LEISURE"];
        app.Demands[0].DailyTons = -1;
        app.Demands[1].Biz = "GREENING";
        app.Demands[3].Carriers = ["CMCC", "T-MOBILE"];
        app.Demands.Add(new ZhejiangDemand { Type = "WATER", Biz = "NEW" });
        Assert.Equal(new HashSet<(string, string)>
        {
            ("demands[0].usage[1]", "INVALID_VALUE"), ("demands[0].dailyTons", "OUT_OF_RANGE"),
            ("demands[1].biz", "INVALID_VALUE"), ("demands[3].carriers[1]", "INVALID_VALUE"),
            ("demands[4].type", "DUPLICATE_SERVICE"),
        }, ErrorsOf(app));
    }

    [Fact]
    public void Outer_works_must_belong_to_a_requested_service()
    {
        var app = Sample();
        app.OuterWorks!.Add(new ZhejiangOuterWork { Type = "HEATING", LengthM = -5, SpecialZones = ["MOON"] });
        Assert.Equal(new HashSet<(string, string)>
        {
            ("outerWorks[1].type", "SERVICE_NOT_REQUESTED"), ("outerWorks[1].lengthM", "OUT_OF_RANGE"),
            ("outerWorks[1].specialZones[0]", "INVALID_VALUE"),
        }, ErrorsOf(app));
    }

    [Theory]
    [InlineData("2026-11-23T09:30:00+08:00", true)]
    [InlineData("2026-11-23T01:30:00Z", true)]
    [InlineData("2026-11-23T09:30:00", true)]
    [InlineData("2026-11-23 09:30:00", true)]
    [InlineData("23/11/2026 09:30", false)]
    [InlineData("2026-13-23T09:30:00", false)]
    public void Submit_time_accepts_iso_times_with_or_without_offset(string value, bool valid)
    {
        var app = Sample();
        app.SubmitTime = value;
        Assert.Equal(valid, !ErrorsOf(app).Contains(("submitTime", "INVALID_FORMAT")));
    }
}

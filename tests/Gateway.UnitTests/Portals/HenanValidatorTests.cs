using Gateway.Adapters.Portals.Henan;
using Gateway.Routing.Regions;

namespace Gateway.UnitTests.Portals;

public sealed class HenanValidatorTests
{
    private static readonly HenanValidator Validator = new(TestRepo.Regions);

    private static HashSet<(string Field, string Code)> ErrorsOf(HenanApplication app, HenanValidator? validator = null) =>
        (validator ?? Validator).Validate(app).All.Select(e => (e.Field, e.Code)).ToHashSet();

    private static HashSet<(string, string)> ErrorsOfEdited(Func<string, string> change, string file = "xinxian-tea-factory.xml") =>
        ErrorsOf(PortalSamples.HenanEdited(file, change));

    [Theory]
    [InlineData("xinxian-tea-factory.xml")]
    [InlineData("puyang-heating-gbk.xml")]
    public void Samples_are_valid(string file) => Assert.Empty(ErrorsOf(PortalSamples.Henan(file)));

    [Fact]
    public void Missing_elements_are_each_required_with_their_element_path()
    {
        var errors = ErrorsOfEdited(x => x
            .Replace("<SQBH>HN2026112300017</SQBH>", "")
            .Replace("<TJSJ>2026-11-23 09:30:00</TJSJ>", "<TJSJ> </TJSJ>")
            .Replace("<XMMC>新县产业集聚区年产5万吨茶饮料生产线项目</XMMC>", "")
            .Replace("<LXDH>13837612345</LXDH>", "")
            .Replace("<SX LB=\"YD\"><YWLX>新装</YWLX>", "<SX LB=\"YD\">"));
        Assert.Equal(new HashSet<(string, string)>
        {
            ("BZSQ/SQBH", "REQUIRED"), ("BZSQ/TJSJ", "REQUIRED"), ("BZSQ/XMMC", "REQUIRED"), ("BZSQ/LXDH", "REQUIRED"),
            ("BZSQ/BZSX/SX[@LB='YD']/YWLX", "REQUIRED"),
        }, errors);
    }

    [Fact]
    public void Heating_is_accepted_in_puyang_only()
    {
        Assert.Empty(ErrorsOf(PortalSamples.Henan("puyang-heating-gbk.xml")));
        Assert.Equal([("BZSQ/BZSX/SX[@LB='GN']", "UNSUPPORTED_SERVICE")],
            ErrorsOfEdited(x => x.Replace("</BZSX>", "<SX LB=\"GN\"><YWLX>新开户</YWLX><MJ>500</MJ></SX></BZSX>")));
    }

    [Fact]
    public void Network_is_not_part_of_puyangs_plan()
    {
        Assert.Equal([("BZSQ/BZSX/SX[@LB='YW']", "UNSUPPORTED_SERVICE")], ErrorsOfEdited(
            x => x.Replace("</BZSX>", "<SX LB=\"YW\"><YWLX>新开户</YWLX><LX>宽带</LX></SX></BZSX>"), "puyang-heating-gbk.xml"));
    }

    [Fact]
    public void Region_must_take_henan_pushes_and_own_the_project_code()
    {
        Assert.Equal([("BZSQ/XZQHDM", "UNKNOWN_REGION")], ErrorsOfEdited(x => x.Replace("<XZQHDM>411523</XZQHDM>", "<XZQHDM>330603</XZQHDM>")));
        Assert.Equal([("BZSQ/XZQHDM", "UNKNOWN_REGION")], ErrorsOfEdited(x => x.Replace("<XZQHDM>411523</XZQHDM>", "<XZQHDM>411502</XZQHDM>")));
        Assert.Equal([("BZSQ/XMDM", "REGION_MISMATCH")], ErrorsOfEdited(x => x.Replace("2026-411523-44-01-000321", "2026-411524-44-01-000321")));
        Assert.Equal([("BZSQ/XMDM", "INVALID_FORMAT")], ErrorsOfEdited(x => x.Replace("2026-411523-44-01-000321", "2026411523440100032")));
    }

    [Fact]
    public void Uscc_shape_and_check_character_are_separate_errors()
    {
        Assert.Equal([("BZSQ/TYSHXYDM", "INVALID_FORMAT")], ErrorsOfEdited(x => x.Replace("91411523MA9GK7R2XN", "91411523MA9GK7R2X")));
        Assert.Equal([("BZSQ/TYSHXYDM", "USCC_CHECKSUM")], ErrorsOfEdited(x => x.Replace("91411523MA9GK7R2XN", "91411523MA9GK7R2XP")));
    }

    [Fact]
    public void Services_and_outer_works_are_named_by_lb_in_the_path()
    {
        var errors = ErrorsOfEdited(x => x
            .Replace("<RL>630</RL>", "<RL>六百</RL>")
            .Replace("<XZ>生产</XZ>", "<XZ>生产,商业</XZ>")
            .Replace("<YHS>50</YHS>", "<YHS>50.5</YHS>")
            .Replace("<GC LB=\"YQ\"><CD>120</CD></GC>", "<GC LB=\"YQ\"><CD>-1</CD></GC><GC LB=\"GN\"><CD>5</CD></GC><GC><CD>1</CD></GC>")
            .Replace("<GC LB=\"YS\"><GJ>300</GJ>", "<GC LB=\"YS\"><GJ>DN300</GJ>"));
        Assert.Equal(new HashSet<(string, string)>
        {
            ("BZSQ/BZSX/SX[@LB='YD']/RL", "INVALID_FORMAT"),
            ("BZSQ/BZSX/SX[@LB='YQ']/XZ", "INVALID_VALUE"),
            ("BZSQ/BZSX/SX[@LB='YW']/YHS", "INVALID_FORMAT"),
            ("BZSQ/WXGC/GC[@LB='YQ']/CD", "OUT_OF_RANGE"),
            ("BZSQ/WXGC/GC[@LB='GN']/@LB", "SERVICE_NOT_REQUESTED"),
            ("BZSQ/WXGC/GC[6]/@LB", "REQUIRED"),
            ("BZSQ/WXGC/GC[@LB='YS']/GJ", "INVALID_FORMAT"),
        }, errors);
    }

    [Fact]
    public void Repeated_services_and_elements_are_reported()
    {
        var errors = ErrorsOfEdited(x => x
            .Replace("</BZSX>", "<SX LB=\"YS\"><YWLX>增容</YWLX></SX><SX LB=\"XX\"><YWLX>新装</YWLX></SX></BZSX>")
            .Replace("<LXR>刘志强</LXR>", "<LXR>刘志强</LXR><LXR>王五</LXR>"));
        Assert.Equal(new HashSet<(string, string)>
        {
            ("BZSQ/BZSX/SX[@LB='YS'][2]/@LB", "DUPLICATE_SERVICE"),
            ("BZSQ/BZSX/SX[@LB='XX']/@LB", "INVALID_VALUE"),
            ("BZSQ/LXR", "INVALID_FORMAT"),
        }, errors);
    }

    [Fact]
    public void Greening_and_temporary_are_water_only_and_no_sx_is_no_service()
    {
        Assert.Equal([("BZSQ/BZSX/SX[@LB='YD']/YWLX", "INVALID_VALUE")], ErrorsOfEdited(x => x.Replace("<YWLX>新装</YWLX>", "<YWLX>临时用水</YWLX>")));
        Assert.Equal([("BZSQ/BZSX", "NO_SERVICE_REQUESTED")], ErrorsOf(PortalSamples.HenanXml("""
            <BZSQ><SQBH>HN1</SQBH><XZQHDM>411523</XZQHDM><TJSJ>2026-11-23 09:30:00</TJSJ><XMDM>2026-411523-44-01-000321</XMDM>
              <XMMC>项目</XMMC><SQDW>单位</SQDW><TYSHXYDM>91411523MA9GK7R2XN</TYSHXYDM><LXR>王五</LXR><LXDH>13800000000</LXDH><SQDZ>地址</SQDZ></BZSQ>
            """)));
    }

    [Fact]
    public void Voltage_above_a_regions_limit_is_out_of_scope()
    {
        var xinxian = TestRepo.Regions.Find("xinxian")!;
        var limited = new RegionCatalog([Copy(xinxian, 10m)]);
        var app = PortalSamples.HenanEdited("xinxian-tea-factory.xml", x => x.Replace("<DYDJ>10</DYDJ>", "<DYDJ>35</DYDJ>"));
        Assert.Empty(ErrorsOf(app));
        Assert.Equal([("BZSQ/BZSX/SX[@LB='YD']/DYDJ", "OUT_OF_SCOPE")], ErrorsOf(app, new HenanValidator(limited)));
    }

    [Fact]
    public void Every_message_is_chinese()
    {
        var app = PortalSamples.HenanEdited("xinxian-tea-factory.xml", x => x.Replace("<RL>630</RL>", "<RL>x</RL>").Replace("411523</XZQHDM>", "1</XZQHDM>"));
        var errors = Validator.Validate(app).All;
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
    }

    internal static RegionPolicy Copy(RegionPolicy r, decimal? maxKv) => new()
    {
        Id = r.Id, Name = r.Name, Plan = r.Plan, AdminCodes = r.AdminCodes, AdminCodePrefixes = r.AdminCodePrefixes, Portals = r.Portals,
        Services = r.Services, ZoneRequired = r.ZoneRequired, Zones = r.Zones, OfficeHours = r.OfficeHours, PowerMaxVoltageKv = maxKv,
        Counterparts = r.Counterparts, Sla = r.Sla,
    };
}

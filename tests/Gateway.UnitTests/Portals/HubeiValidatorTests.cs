using Gateway.Adapters.Portals.Hubei;
using Gateway.Routing.Regions;

namespace Gateway.UnitTests.Portals;

public sealed class HubeiValidatorTests
{
    private static readonly HubeiValidator Validator = new(TestRepo.Regions);

    private static HashSet<(string Field, string Code)> ErrorsOf(Action<HubeiApplication>? change = null, HubeiValidator? validator = null) =>
        (validator ?? Validator).Validate(PortalSamples.Hubei("ezhou-logistics-park.json", change)).All.Select(e => (e.Field, e.Code)).ToHashSet();

    [Fact]
    public void Sample_is_valid() => Assert.Empty(ErrorsOf());

    [Fact]
    public void The_agreements_example_values_are_valid()
    {
        // docs/portals.md's example: 027 landline, gas unticked with an empty business type, bzsx without gas.
        Assert.Empty(ErrorsOf(a =>
        {
            PortalSamples.Set(a, "lxdh", "027-60000000");
            PortalSamples.Set(a, "bzsx", "用水报装,用电报装,用网报装");
            PortalSamples.Set(a, "yq_ywlx", "");
        }));
    }

    [Fact]
    public void Errors_name_the_form_fields()
    {
        var errors = ErrorsOf(a =>
        {
            a.SubmitId = null;
            a.SubmitTime = "2026-11-23 9点";
            PortalSamples.Set(a, "sqdw", null);
            PortalSamples.Set(a, "xydm", "91420704MA4F3N8K6");
            PortalSamples.Set(a, "lxdh", "6000000");
            PortalSamples.Set(a, "ys_xq", "120 立方米/日");
            PortalSamples.Set(a, "yd_rl", "-5千瓦");
            PortalSamples.Set(a, "yw_xq", "宽带,光纤");
            PortalSamples.Set(a, "zgwjl", "三百米");
        });
        Assert.Equal(new HashSet<(string, string)>
        {
            ("submitId", "REQUIRED"), ("submitTime", "INVALID_FORMAT"), ("sqdw", "REQUIRED"), ("xydm", "INVALID_FORMAT"),
            ("lxdh", "INVALID_FORMAT"), ("ys_xq", "INVALID_FORMAT"), ("yd_rl", "OUT_OF_RANGE"), ("yw_xq", "INVALID_VALUE"),
            ("zgwjl", "INVALID_FORMAT"),
        }, errors);
    }

    [Fact]
    public void Region_is_ezhou_by_prefix_and_other_codes_are_unknown()
    {
        Assert.Empty(ErrorsOf(a => a.RegionCode = "420704"));
        Assert.Equal([("regionCode", "UNKNOWN_REGION")], ErrorsOf(a => a.RegionCode = "420100"));
        Assert.Equal([("regionCode", "UNKNOWN_REGION")], ErrorsOf(a => a.RegionCode = "411523")); // Xinxian takes no Hubei pushes
        Assert.Equal([("xmdm", "REGION_MISMATCH")], ErrorsOf(a => PortalSamples.Set(a, "xmdm", "2026-420100-44-01-000877")));
    }

    [Fact]
    public void Services_come_from_bzsx_only()
    {
        Assert.Equal([("bzsx", "NO_SERVICE_REQUESTED")], ErrorsOf(a => PortalSamples.Set(a, "bzsx", " ")));
        Assert.Equal([("bzsx", "NO_SERVICE_REQUESTED")], ErrorsOf(a => PortalSamples.Set(a, "bzsx", null)));
        Assert.Equal([("bzsx", "INVALID_VALUE")], ErrorsOf(a => PortalSamples.Set(a, "bzsx", "用水报装,用油报装")));
        Assert.Equal([("bzsx", "UNSUPPORTED_SERVICE")], ErrorsOf(a => PortalSamples.Set(a, "bzsx", "供暖报装")));
        // A ticked service needs its business type; an unticked one is not read.
        Assert.Equal([("yq_ywlx", "REQUIRED")], ErrorsOf(a => PortalSamples.Set(a, "yq_ywlx", "")));
        Assert.Empty(ErrorsOf(a => { PortalSamples.Set(a, "bzsx", "用水报装"); PortalSamples.Set(a, "yd_rl", "乱填"); }));
    }

    [Theory]
    [InlineData("99999999999人")]
    [InlineData("12.5人")]
    public void Users_must_be_a_whole_number_that_fits(string typed) =>
        Assert.Equal([("yw_yhs", "INVALID_FORMAT")], ErrorsOf(a => PortalSamples.Set(a, "yw_yhs", typed)));

    [Fact]
    public void Missing_field_list_is_required()
    {
        var errors = Validator.Validate(HubeiForm.Read(new HubeiApplication { SubmitId = "EHB1", RegionCode = "420700", SubmitTime = "2026/11/23 09:30:12" }));
        Assert.Equal([("fields", "REQUIRED")], errors.All.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Other_form_codes_are_refused()
    {
        Assert.Equal([("formCode", "INVALID_VALUE")], ErrorsOf(a => a.FormCode = "GSDJ_SQ"));
        Assert.Empty(ErrorsOf(a => a.FormCode = null));
    }

    [Fact]
    public void Voltage_above_a_regions_limit_is_out_of_scope()
    {
        var limited = new RegionCatalog([HenanValidatorTests.Copy(TestRepo.Regions.Find("ezhou")!, 10m)]);
        Assert.Empty(ErrorsOf(a => PortalSamples.Set(a, "yd_dy", "35kV")));
        Assert.Equal([("yd_dy", "OUT_OF_SCOPE")], ErrorsOf(a => PortalSamples.Set(a, "yd_dy", "35kV"), new HubeiValidator(limited)));
        Assert.Empty(ErrorsOf(a => PortalSamples.Set(a, "yd_dy", "10 kV"), new HubeiValidator(limited)));
    }
}

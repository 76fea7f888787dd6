using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Costs;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.UnitTests.Fees;

/// <summary>
/// docs/lifecycle.md "Fee list": what a quote may charge the applicant under each region's cost rules, when the list is
/// issued, that its total is the exact sum in fen, and what a payment confirmation must match.
/// </summary>
public sealed class FeeListRulesTests
{
    private const long Now = 1_795_000_000_000;
    private static readonly LifecycleSettings Settings = new(TimeSpan.FromMinutes(5), 0.75);

    private static FeeItem Item(long fen, CostBearer bearer, FeeScope scope, string name = "费用") => new(null, name, fen, bearer, scope);
    private static FeeItem Outside(long fen, CostBearer bearer) => Item(fen, bearer, FeeScope.OutsideRedLine, "红线外接入工程");
    private static FeeItem Inside(long fen) => Item(fen, CostBearer.Applicant, FeeScope.InsideRedLine, "表计及红线内安装");

    private static DispatchRow WorkOrder(string counterpart, ServiceType service, DispatchStatus status = DispatchStatus.Acknowledged) => new()
    {
        DispatchId = $"dsp-{counterpart}", CaseId = "case-1", CounterpartId = counterpart, Kind = DispatchKind.WorkOrder,
        Service = WireName.Of(service), SlaStep = "WORK_ORDER_RESPONSE", Status = status,
    };

    /// <summary>A case in <paramref name="region"/> with the cost decisions its rules make for the application, and a work order per utility.</summary>
    private static (RegionPolicy Region, FeeSnapshot Snapshot) Case(string region, decimal? powerKw, params (string Counterpart, ServiceType Service)[] utilities)
    {
        var policy = TestRepo.Regions.Find(region)!;
        var app = new HookupApplication();
        foreach (var (_, service) in utilities)
            switch (service)
            {
                case ServiceType.Water: app.Water = new WaterDemand(); break;
                case ServiceType.Power: app.Power = new PowerDemand { CapacityKva = powerKw }; break;
                case ServiceType.Gas: app.Gas = new GasDemand(); break;
                case ServiceType.Network: app.Network = new NetworkDemand(); break;
            }
        var costs = CostBearerDecider.Decide(app, policy).Select(c => new CostState(c.Service, c.Bearer, c.Reason)).ToList();
        var dispatches = utilities.Select(u => WorkOrder(u.Counterpart, u.Service)).ToList();
        return (policy, new FeeSnapshot(new CaseRow { CaseId = "case-1", Region = region }, new CasePolicyDocument([], costs, null, null),
            dispatches, [], null, Now));
    }

    private static FeeEffects Quote(RegionPolicy region, FeeSnapshot s, string counterpart, params FeeItem[] items) =>
        FeeListRules.Quote(s, region, s.Dispatches.Single(d => d.CounterpartId == counterpart), items, $"counterpart:{counterpart}");

    /// <summary>The snapshot after the quote was stored (what the next event sees).</summary>
    private static FeeSnapshot After(FeeSnapshot s, FeeEffects e) => s with
    {
        Quotes = s.Quotes.Where(q => q.CounterpartId != e.Quote!.CounterpartId).Append(e.Quote!).ToList(),
        List = e.List ?? s.List,
    };

    [Theory]
    [InlineData("xinxian-water", ServiceType.Water)]
    [InlineData("xinxian-power", ServiceType.Power)]
    [InlineData("xinxian-gas", ServiceType.Gas)]
    [InlineData("xinxian-ctcc", ServiceType.Network)]
    public void Xin_county_refuses_charging_the_applicant_for_any_outer_work_outside_the_red_line(string counterpart, ServiceType service)
    {
        var (region, s) = Case("xinxian", 630, (counterpart, service));
        var refused = Quote(region, s, counterpart, Inside(50_000), Outside(1_200_000, CostBearer.Applicant));
        Assert.Equal(FeeListRules.FeeNotChargeable, refused.Refusal!.Code);
        var field = Assert.Single(refused.Refusal.Fields);
        Assert.Equal("items[1].bearer", field.Field);
        Assert.Contains("不需要缴纳任何费用", field.Message); // the region file's reason, quoting the plan
        Assert.Null(refused.Quote);

        // The same work borne by the utility, and the applicant's part inside the red line, are fine.
        var accepted = Quote(region, s, counterpart, Inside(50_000), Outside(1_200_000, CostBearer.Utility));
        Assert.Null(accepted.Refusal);
        Assert.Equal(50_000, accepted.Quote!.ApplicantFen);
    }

    [Fact]
    public void Xin_county_does_not_offer_the_list_so_complete_quotes_issue_nothing_and_payment_is_refused()
    {
        var (region, s) = Case("xinxian", 630, ("xinxian-water", ServiceType.Water));
        Assert.Null(region.FeeList);
        var quoted = Quote(region, s, "xinxian-water", Inside(50_000));
        Assert.Null(quoted.List);
        Assert.Null(quoted.IssuedNotice);
        var paid = FeeListRules.ConfirmPayment(After(s, quoted), region, "FL-case-1", 50_000, "PAY-1", Now, "portal:henan", Settings);
        Assert.Equal(FeeListRules.FeeListNotOffered, paid.Refusal!.Code);
        Assert.False(paid.Refusal.FieldLevel);
    }

    [Theory]
    [InlineData("ezhou-water", ServiceType.Water)]
    [InlineData("ezhou-gas", ServiceType.Gas)]
    [InlineData("ezhou-cucc", ServiceType.Network)]
    public void Ezhou_water_gas_and_network_outside_the_red_line_are_free_to_the_applicant(string counterpart, ServiceType service)
    {
        var (region, s) = Case("ezhou", null, (counterpart, service));
        var refused = Quote(region, s, counterpart, Outside(300_000, CostBearer.Applicant), Outside(10, CostBearer.Applicant), Inside(1));
        Assert.Equal(FeeListRules.FeeNotChargeable, refused.Refusal!.Code);
        Assert.Equal(["items[0].bearer", "items[1].bearer"], refused.Refusal.Fields.Select(f => f.Field));
    }

    [Theory]
    [InlineData(100, false, "供水、供电、供气、通信企业")]
    [InlineData(160, false, "供水、供电、供气、通信企业")]
    [InlineData(161, false, "政府财政")]
    [InlineData(220, false, "政府财政")]
    [InlineData(221, true, null)]
    [InlineData(630, true, null)]
    public void Ezhou_power_outside_the_red_line_is_charged_to_the_applicant_only_above_220_kW(int kw, bool chargeable, string? bearerText)
    {
        var (region, s) = Case("ezhou", kw, ("ezhou-power", ServiceType.Power));
        var effects = Quote(region, s, "ezhou-power", Outside(4_500_000, CostBearer.Applicant));
        if (chargeable)
        {
            Assert.Null(effects.Refusal);
            Assert.Equal(4_500_000, effects.Quote!.ApplicantFen);
        }
        else
        {
            Assert.Equal(FeeListRules.FeeNotChargeable, effects.Refusal!.Code);
            Assert.Contains(bearerText!, Assert.Single(effects.Refusal.Fields).Message);
        }
    }

    [Fact]
    public void Regions_without_a_cost_rule_may_charge_by_tariff()
    {
        var (region, s) = Case("puyang", 300, ("puyang-power", ServiceType.Power));
        Assert.Null(Quote(region, s, "puyang-power", Outside(1_000_000, CostBearer.Applicant)).Refusal);
    }

    [Fact]
    public void The_list_is_issued_by_the_last_quote_revisions_replace_earlier_ones_and_the_total_is_the_exact_sum_in_fen()
    {
        var (region, s) = Case("ezhou", 200, ("ezhou-water", ServiceType.Water), ("ezhou-power", ServiceType.Power), ("ezhou-cucc", ServiceType.Network));

        var water1 = Quote(region, s, "ezhou-water", Inside(150_000), Outside(3_000_000, CostBearer.Utility));
        Assert.Equal(1, water1.Quote!.Revision);
        Assert.Null(water1.List);
        s = After(s, water1);
        var water2 = Quote(region, s, "ezhou-water", Inside(120_001), Outside(3_000_000, CostBearer.Utility));
        Assert.Equal(2, water2.Quote!.Revision);
        s = After(s, water2);
        s = After(s, Quote(region, s, "ezhou-power", Inside(98_765), Outside(5_000_000, CostBearer.Government)));
        Assert.Null(s.List);

        var last = Quote(region, s, "ezhou-cucc"); // nothing to charge
        var list = last.List!;
        Assert.Equal(FeeListStatus.Issued, list.Status);
        Assert.Equal("FL-case-1", list.FeeListId);
        Assert.Equal(120_001 + 98_765, list.ApplicantTotalFen);
        Assert.Equal(4, list.Lines.Count); // every item, the non-applicant ones shown with their bearer
        Assert.Equal(list.ApplicantTotalFen, list.Lines.Where(l => l.Item.Bearer == CostBearer.Applicant).Sum(l => l.Item.AmountFen));
        Assert.Equal(list.ApplicantTotalFen, last.IssuedNotice!.ApplicantTotalFen);
        Assert.Contains(last.Case.Timeline, t => t.Type == TimelineType.FeeListIssued && t.Detail!.Contains("2187.66 元"));
        s = After(s, last);

        var late = Quote(region, s, "ezhou-water", Inside(1));
        Assert.Equal(FeeListRules.FeeListAlreadyIssued, late.Refusal!.Code);
    }

    [Fact]
    public void A_rejected_utility_need_not_quote()
    {
        var (region, s) = Case("puyang", 300, ("puyang-water", ServiceType.Water), ("puyang-power", ServiceType.Power));
        s = s with { Dispatches = [s.Dispatches[0], WorkOrder("puyang-power", ServiceType.Power, DispatchStatus.Rejected)] };
        Assert.NotNull(Quote(region, s, "puyang-water", Inside(10)).List);
    }

    [Fact]
    public void Payment_must_match_the_total_is_idempotent_and_sends_one_fee_notice_per_utility_that_quoted()
    {
        var (region, s) = Case("ezhou", 250, ("ezhou-water", ServiceType.Water), ("ezhou-power", ServiceType.Power));
        Assert.Equal(FeeListRules.FeeListNotIssued,
            FeeListRules.ConfirmPayment(s, region, "FL-case-1", 0, "PAY-1", Now, "portal:hubei", Settings).Refusal!.Code);
        s = After(s, Quote(region, s, "ezhou-water", Inside(33_333)));
        s = After(s, Quote(region, s, "ezhou-power", Inside(1), Outside(4_500_000, CostBearer.Applicant)));
        Assert.Equal(4_533_334, s.List!.ApplicantTotalFen);

        var wrong = FeeListRules.ConfirmPayment(s, region, "FL-case-1", 4_533_333, "PAY-1", Now, "portal:hubei", Settings);
        Assert.Equal(FeeListRules.FeeTotalMismatch, wrong.Refusal!.Code);
        Assert.Equal("totalFen", Assert.Single(wrong.Refusal.Fields).Field);
        Assert.Equal(FeeListRules.FeeListMismatch,
            FeeListRules.ConfirmPayment(s, region, "FL-other", 4_533_334, "PAY-1", Now, "portal:hubei", Settings).Refusal!.Code);

        var paid = FeeListRules.ConfirmPayment(s, region, "FL-case-1", 4_533_334, "PAY-1", Now + 5, "portal:hubei", Settings);
        Assert.Null(paid.Refusal);
        Assert.Equal(FeeListStatus.Paid, paid.List!.Status);
        Assert.Equal("PAY-1", paid.List.PaymentRef);
        Assert.Equal(["ezhou-power", "ezhou-water"], paid.Case.NewDispatches.Select(d => d.CounterpartId));
        Assert.All(paid.Case.NewDispatches, d =>
        {
            Assert.Equal(DispatchKind.FeeNotice, d.Kind);
            Assert.False(d.Timed);
        });
        Assert.Equal(4_500_001, paid.List.ApplicantFenOf("ezhou-power"));
        s = s with { List = paid.List };

        Assert.True(FeeListRules.ConfirmPayment(s, region, "FL-case-1", 4_533_334, "PAY-1", Now, "portal:hubei", Settings).Duplicate);
        Assert.Equal(FeeListRules.FeeListAlreadyPaid,
            FeeListRules.ConfirmPayment(s, region, "FL-case-1", 4_533_334, "PAY-2", Now, "portal:hubei", Settings).Refusal!.Code);
        Assert.Equal(FeeListRules.FeeTotalMismatch,
            FeeListRules.ConfirmPayment(s, region, "FL-case-1", 1, "PAY-1", Now, "portal:hubei", Settings).Refusal!.Code);
    }

    [Theory]
    [InlineData(0, "0.00 元")]
    [InlineData(7, "0.07 元")]
    [InlineData(218_766, "2187.66 元")]
    [InlineData(100_000_000_000_001, "1000000000000.01 元")]
    public void Fen_are_shown_as_yuan_by_integer_arithmetic(long fen, string text) => Assert.Equal(text, FeeListRules.Yuan(fen));

    [Fact]
    public void A_fee_notice_is_settled_by_its_receipt_without_a_portal_callback()
    {
        var notice = new DispatchRow { DispatchId = "dsp-n", CaseId = "case-1", CounterpartId = "ezhou-water", Kind = DispatchKind.FeeNotice, Status = DispatchStatus.Sent };
        var effects = DeliveryRules.Acknowledge(new CaseRow { CaseId = "case-1", Status = CaseStatus.InProgress }, [notice], notice, "ORD-9", "counterpart:ezhou-water", Now);
        var change = Assert.Single(effects.DispatchChanges);
        Assert.Equal(DispatchStatus.Done, change.Status);
        Assert.True(change.Met);
        Assert.Empty(effects.Callbacks);
        Assert.Null(effects.CaseStatus);
    }
}

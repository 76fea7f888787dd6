using Gateway.Adapters.Counterparts.Inbound;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;

namespace Gateway.UnitTests.Fees;

/// <summary>docs/api.md "Fee list contract": a quote's fields, amounts as integer fen, field errors with stable codes.</summary>
public sealed class FeeQuoteValidatorTests
{
    private static FeeQuoteItem Item(decimal? fen = 100, string? bearer = "APPLICANT", string? scope = "INSIDE_RED_LINE", string? name = "水表") =>
        new("METER", name, fen, bearer, scope);

    private static List<(string Field, string Code)> Errors(params FeeQuoteItem[] items) =>
        FeeQuoteValidator.Validate(new FeeQuoteReport("evt-1", "dsp-1", items, null)).Errors.All.Select(e => (e.Field, e.Code)).ToList();

    [Fact]
    public void A_valid_quote_becomes_the_rules_items()
    {
        var (errors, items) = FeeQuoteValidator.Validate(new FeeQuoteReport("evt-1", "dsp-1",
            [Item(123_456), Item(0, "UTILITY", "OUTSIDE_RED_LINE", " 红线外 ")], "备注"));
        Assert.False(errors.Any);
        Assert.Equal([123_456L, 0L], items.Select(i => i.AmountFen));
        Assert.Equal(CostBearer.Utility, items[1].Bearer);
        Assert.Equal(FeeScope.OutsideRedLine, items[1].Scope);
        Assert.Equal("红线外", items[1].Name);
    }

    [Fact]
    public void An_empty_list_is_a_quote_of_nothing_but_a_missing_one_is_an_error()
    {
        Assert.False(FeeQuoteValidator.Validate(new FeeQuoteReport("evt-1", "dsp-1", [], null)).Errors.Any);
        Assert.Equal([("items", "REQUIRED"), ("eventId", "REQUIRED"), ("dispatchId", "REQUIRED")],
            FeeQuoteValidator.Validate(new FeeQuoteReport(null, null, null, null)).Errors.All.Select(e => (e.Field, e.Code))
                .OrderBy(e => e.Field == "items" ? 0 : e.Field == "eventId" ? 1 : 2).ToList());
    }

    [Theory]
    [InlineData(12.5, "INVALID_FORMAT")]
    [InlineData(0.01, "INVALID_FORMAT")]
    [InlineData(-1, "OUT_OF_RANGE")]
    [InlineData(1_000_000_000_001, "OUT_OF_RANGE")]
    public void Amounts_are_whole_fen_within_range(double fen, string code) =>
        Assert.Equal([("items[0].amountFen", code)], Errors(Item((decimal)fen)));

    [Fact]
    public void Bearer_and_scope_are_checked_and_tariff_is_no_bearer_of_an_item()
    {
        Assert.Equal([("items[0].bearer", "INVALID_VALUE")], Errors(Item(bearer: "TARIFF")));
        Assert.Equal([("items[0].bearer", "INVALID_VALUE"), ("items[1].scope", "INVALID_VALUE"), ("items[2].name", "REQUIRED")],
            Errors(Item(bearer: "SOMEONE"), Item(scope: "NEAR"), Item(name: " ")));
    }

    [Fact]
    public void At_most_fifty_items()
    {
        Assert.Equal([("items", "OUT_OF_RANGE")], Errors(Enumerable.Range(0, 51).Select(_ => Item()).ToArray()));
    }
}

namespace Gateway.Routing.Regions;

/// <summary>
/// The <c>feeList</c> section of a region file: the region offers one combined fee list and one payment
/// (docs/lifecycle.md "Fee list"); <c>source</c> quotes the plan clause. Absent: the region does not offer it.
/// </summary>
internal sealed class FeeListSection
{
    public string? Source { get; set; }

    public static FeeListOffer? Read(FeeListSection? section, Action<string, string> problem)
    {
        if (section is null) return null;
        if (string.IsNullOrWhiteSpace(section.Source))
        {
            problem("feeList", "needs 'source', the plan clause that promises one fee list and one payment");
            return null;
        }
        return new FeeListOffer(section.Source.Trim());
    }
}

/// <summary>The region offers the fee-list flow, on the strength of <paramref name="Source"/> (the plan clause).</summary>
public sealed record FeeListOffer(string Source);

namespace Gateway.Routing.Regions;

/// <summary>
/// The <c>ratings</c> section of a region file: applicants rate each utility's service once it is connected (docs/lifecycle.md,
/// "Ratings per utility"). <c>source</c> quotes the plan clause. Without the section the region takes no ratings.
/// </summary>
internal sealed class RatingsSection
{
    public string? Source { get; set; }

    public static RatingsPolicy? Read(RatingsSection? section, Action<string, string> problem)
    {
        if (section is null) return null;
        if (string.IsNullOrWhiteSpace(section.Source)) problem("ratings.source", "required (the plan clause the ratings come from)");
        return new RatingsPolicy(section.Source ?? "");
    }
}

/// <summary>The region takes ratings per utility; <paramref name="Source"/> is the plan clause.</summary>
public sealed record RatingsPolicy(string Source);

namespace Gateway.Routing.Regions;

/// <summary>
/// The <c>intent</c> section of a region file: the region registers early-stage demands as intents (意向登记, 免申办,
/// 零申请; docs/lifecycle.md, "Intent registration and 免申办"). <c>source</c> quotes the plan clause. Without the
/// section an early-stage demand is an application like any other.
/// </summary>
internal sealed class IntentSection
{
    public string? Source { get; set; }

    public static IntentPolicy? Read(IntentSection? section, Action<string, string> problem)
    {
        if (section is null) return null;
        if (string.IsNullOrWhiteSpace(section.Source)) problem("intent.source", "required (the plan clause the intent registration comes from)");
        return new IntentPolicy(section.Source ?? "");
    }
}

/// <summary>The region registers early-stage demands as intents; <paramref name="Source"/> is the plan clause.</summary>
public sealed record IntentPolicy(string Source);

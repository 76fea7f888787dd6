using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Routing.Costs;

namespace Gateway.Routing.Regions;

/// <summary>The <c>costs</c> section of a region file (who bears outer works outside the red line) and its validation.</summary>
internal sealed class CostsSection
{
    public List<string>? Services { get; set; }
    public string? Bearer { get; set; }
    public List<BandEntry>? CapacityBands { get; set; }
    public string? Above { get; set; }
    public string? Note { get; set; }

    internal sealed class BandEntry
    {
        public decimal? UpToKw { get; set; }
        public string? Bearer { get; set; }
    }

    public static IReadOnlyList<CostRule> Read(List<CostsSection>? sections, Action<string, string> problem)
    {
        var rules = new List<CostRule>();
        foreach (var (section, i) in (sections ?? []).Select((s, i) => (s, i)))
        {
            var at = $"costs[{i}]";
            var services = new List<ServiceType>();
            foreach (var s in section.Services ?? [])
            {
                if (WireName.TryParse<ServiceType>(s, out var service)) services.Add(service);
                else problem(at, $"unknown service '{s}'");
            }
            if (services.Count == 0) problem(at, "lists no services");
            CostBearer? Bearer(string? text, string what)
            {
                if (text is null) return null;
                if (WireName.TryParse<CostBearer>(text, out var bearer)) return bearer;
                problem(at, $"{what}: unknown bearer '{text}' (UTILITY, GOVERNMENT, APPLICANT, TARIFF)");
                return null;
            }
            var fixedBearer = Bearer(section.Bearer, "bearer");
            var bands = new List<CapacityBand>();
            foreach (var band in section.CapacityBands ?? [])
            {
                var bearer = Bearer(band.Bearer, "capacityBands");
                if (band.UpToKw is not > 0 || bearer is null) problem(at, "each capacity band needs upToKw > 0 and a bearer");
                else if (bands.Count > 0 && band.UpToKw <= bands[^1].UpToKw) problem(at, "capacity bands must be in increasing upToKw order");
                else bands.Add(new CapacityBand(band.UpToKw.Value, bearer.Value));
            }
            var above = Bearer(section.Above, "above");
            if ((fixedBearer is null) == (bands.Count == 0)) problem(at, "give either a bearer or capacityBands (with above)");
            if (bands.Count > 0 && above is null) problem(at, "capacityBands need 'above', the bearer past the last band");
            if (bands.Count > 0 && services.Any(s => s != ServiceType.Power)) problem(at, "capacityBands apply to POWER only");
            rules.Add(new CostRule(services, fixedBearer, bands, above, section.Note));
        }
        return rules;
    }
}

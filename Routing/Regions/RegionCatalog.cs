using System.Globalization;
using System.Text.Json;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Portals;
using Gateway.Routing.Deadlines;

namespace Gateway.Routing.Regions;

/// <summary>
/// Every region the gateway serves, loaded from <c>config/regions/*.json</c>. Loading validates each file
/// and fails with a message naming the file and the field, so a typo stops the gateway at startup
/// rather than misrouting a case later.
/// </summary>
public sealed class RegionCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, RegionPolicy> _regions;
    private readonly Dictionary<string, CounterpartDefinition> _counterparts;

    public RegionCatalog(IEnumerable<RegionPolicy> regions)
    {
        _regions = regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _counterparts = _regions.Values.SelectMany(r => r.Counterparts).ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<RegionPolicy> Regions => _regions.Values;
    public IEnumerable<CounterpartDefinition> Counterparts => _counterparts.Values.OrderBy(c => c.Id, StringComparer.Ordinal);

    public RegionPolicy? Find(string id) => _regions.GetValueOrDefault(id);
    public CounterpartDefinition? FindCounterpart(string id) => _counterparts.GetValueOrDefault(id);

    /// <summary>The region owning a 6-digit admin code (exact codes first, then city-level prefixes).</summary>
    public RegionPolicy? ResolveByAdminCode(string? adminCode)
    {
        if (string.IsNullOrEmpty(adminCode)) return null;
        return _regions.Values.FirstOrDefault(r => r.AdminCodes.Contains(adminCode))
            ?? _regions.Values.FirstOrDefault(r => r.OwnsAdminCode(adminCode));
    }

    public static RegionCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new RegionConfigException($"region directory not found: {directory}");
        var files = Directory.GetFiles(directory, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new RegionConfigException($"no region files (*.json) in {directory}");

        var regions = new List<RegionPolicy>();
        foreach (var file in files)
        {
            RegionFile? raw;
            try
            {
                raw = JsonSerializer.Deserialize<RegionFile>(File.ReadAllText(file), JsonOptions);
            }
            catch (JsonException ex)
            {
                throw new RegionConfigException($"{Path.GetFileName(file)}: not valid JSON ({ex.Message})");
            }
            regions.Add(Validate(raw ?? new RegionFile(), Path.GetFileNameWithoutExtension(file), Path.GetFileName(file)));
        }

        var taken = new Dictionary<string, string>();
        foreach (var region in regions)
            foreach (var code in region.AdminCodes)
                if (!taken.TryAdd(code, region.Id))
                    throw new RegionConfigException($"admin code {code} is claimed by both {taken[code]} and {region.Id}");
        return new RegionCatalog(regions);
    }

    private static RegionPolicy Validate(RegionFile raw, string expectedId, string file)
    {
        var problems = new List<string>();
        void Problem(string field, string message) => problems.Add($"{file}: {field}: {message}");

        if (raw.Id != expectedId) Problem("id", $"must equal the file name '{expectedId}' (found '{raw.Id}')");
        var id = expectedId;
        if (string.IsNullOrWhiteSpace(raw.Name)) Problem("name", "required");
        if (string.IsNullOrWhiteSpace(raw.Plan)) Problem("plan", "required (the regional plan this policy comes from)");

        var adminCodes = raw.AdminCodes ?? [];
        var prefixes = raw.AdminCodePrefixes ?? [];
        if (adminCodes.Count == 0) Problem("adminCodes", "at least one 6-digit admin code is required");
        foreach (var code in adminCodes.Where(c => c.Length != 6 || !c.All(char.IsAsciiDigit)))
            Problem("adminCodes", $"'{code}' is not a 6-digit admin code");
        foreach (var p in prefixes.Where(p => p.Length is < 2 or > 6 || !p.All(char.IsAsciiDigit)))
            Problem("adminCodePrefixes", $"'{p}' is not a 2–6 digit prefix");

        var portals = raw.Portals ?? [];
        foreach (var p in portals.Where(p => !PortalIds.All.Contains(p)))
            Problem("portals", $"unknown portal '{p}' (known: {string.Join(", ", PortalIds.All)})");

        var services = new List<ServiceType>();
        foreach (var s in raw.Services ?? [])
        {
            if (WireName.TryParse<ServiceType>(s, out var service)) services.Add(service);
            else Problem("services", $"unknown service '{s}'");
        }
        if (services.Count == 0) Problem("services", "at least one service is required");

        var zones = new List<RegionZone>();
        foreach (var z in raw.Zones ?? [])
        {
            if (string.IsNullOrWhiteSpace(z.Code) || string.IsNullOrWhiteSpace(z.Name)) Problem("zones", "every zone needs a code and a name");
            else if (zones.Any(x => x.Code == z.Code)) Problem("zones", $"duplicate zone '{z.Code}'");
            else zones.Add(new RegionZone(z.Code, z.Name));
        }
        if (raw.ZoneRequired && zones.Count == 0) Problem("zones", "zoneRequired is true but no zones are listed");

        var officeHours = OfficeHours.Default;
        if (raw.OfficeHours is { Count: > 0 })
        {
            try
            {
                officeHours = new OfficeHours(raw.OfficeHours.Select(p => new OfficePeriod(
                    TimeOnly.ParseExact(p.Start ?? "", "HH:mm", CultureInfo.InvariantCulture),
                    TimeOnly.ParseExact(p.End ?? "", "HH:mm", CultureInfo.InvariantCulture))).ToList());
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                Problem("officeHours", $"periods must be ordered HH:mm start/end pairs ({ex.Message})");
            }
        }

        var counterparts = new List<CounterpartDefinition>();
        foreach (var c in raw.Counterparts ?? [])
        {
            if (string.IsNullOrWhiteSpace(c.Role) || !CounterpartRole.IsKnown(c.Role))
            {
                Problem("counterparts", $"unknown role '{c.Role}' for '{c.Id}'");
                continue;
            }
            var expected = $"{id}-{c.Role}";
            if (c.Id != expected) { Problem("counterparts", $"id '{c.Id}' must be '{expected}'"); continue; }
            if (string.IsNullOrWhiteSpace(c.Name)) Problem("counterparts", $"'{c.Id}' needs a name");
            if (counterparts.Any(x => x.Id == c.Id)) { Problem("counterparts", $"duplicate '{c.Id}'"); continue; }
            var isUtility = CounterpartRole.UtilityRoles.TryGetValue(c.Role, out var service);
            counterparts.Add(new CounterpartDefinition(c.Id, id, c.Role,
                isUtility ? CounterpartKind.Utility : CounterpartKind.Department,
                isUtility ? service : null, c.Name ?? c.Id));
        }
        foreach (var service in services)
        {
            var roles = service == ServiceType.Network ? ["cmcc", "cucc", "ctcc"] : new[] { CounterpartRole.ForService(service) };
            foreach (var role in roles.Where(r => counterparts.All(c => c.Role != r)))
                Problem("counterparts", $"service {WireName.Of(service)} is offered but no '{id}-{role}' utility is listed");
        }

        var sla = raw.Sla ?? [];
        foreach (var (step, days) in sla)
        {
            if (!SlaStep.All.Contains(step)) Problem("sla", $"unknown step '{step}' (known: {string.Join(", ", SlaStep.All.Order())})");
            if (days <= 0 || days * 2 != Math.Floor(days * 2)) Problem("sla", $"{step}: {days} must be a positive multiple of 0.5 working days");
        }
        if (!sla.ContainsKey(SlaStep.WorkOrderResponse)) Problem("sla", $"{SlaStep.WorkOrderResponse} is required");
        var sources = raw.SlaSources ?? [];
        foreach (var (step, source) in sources)
        {
            if (!sla.ContainsKey(step) && !(step == FanOut.FanOutPlanner.HookupByDistanceStep && raw.WorkOrderDueByDistance is { Count: > 0 }))
                Problem("slaSources", $"'{step}' has a source but no limit in sla");
            if (string.IsNullOrWhiteSpace(source)) Problem("slaSources", $"'{step}' needs the plan clause it comes from");
        }

        var pausedForMaterials = raw.SlaPausedForMaterials ?? [];
        foreach (var step in pausedForMaterials)
            if (step != SlaStep.ParallelApproval || !sla.ContainsKey(step))
                Problem("slaPausedForMaterials", $"'{step}': only {SlaStep.ParallelApproval}, with a limit in sla, can wait for complete materials");

        if (raw.Limits?.PowerMaxVoltageKv is <= 0) Problem("limits.powerMaxVoltageKv", "must be positive");

        var bands = new List<DistanceBand>();
        foreach (var band in raw.WorkOrderDueByDistance ?? [])
        {
            if (band.UpToM is not > 0 || band.WorkingDays is not > 0 || band.WorkingDays * 2 != Math.Floor(band.WorkingDays.Value * 2))
                Problem("workOrderDueByDistance", "each band needs upToM > 0 and workingDays, a positive multiple of 0.5");
            else if (bands.Count > 0 && band.UpToM <= bands[^1].UpToM)
                Problem("workOrderDueByDistance", "bands must be in increasing upToM order");
            else bands.Add(new DistanceBand(band.UpToM.Value, band.WorkingDays.Value));
        }

        var outerWorks = OuterWorksSection.Read(raw.OuterWorks, Problem);
        var costRules = CostsSection.Read(raw.Costs, Problem);
        var feeList = FeeListSection.Read(raw.FeeList, Problem);
        var booking = BookingSection.Read(raw.Booking, Problem);
        var intent = IntentSection.Read(raw.Intent, Problem);
        var ratings = RatingsSection.Read(raw.Ratings, Problem);

        if (problems.Count > 0) throw new RegionConfigException(string.Join(Environment.NewLine, problems));

        return new RegionPolicy
        {
            Id = id,
            Name = raw.Name!,
            Plan = raw.Plan!,
            AdminCodes = adminCodes,
            AdminCodePrefixes = prefixes,
            Portals = portals,
            Services = services,
            ZoneRequired = raw.ZoneRequired,
            Zones = zones,
            OfficeHours = officeHours,
            PowerMaxVoltageKv = raw.Limits?.PowerMaxVoltageKv,
            Counterparts = counterparts,
            Sla = sla,
            SlaSources = sources,
            SlaPausedForMaterials = pausedForMaterials.ToHashSet(StringComparer.Ordinal),
            CommitmentReceiptTitle = string.IsNullOrWhiteSpace(raw.CommitmentReceiptTitle) ? RegionPolicy.DefaultReceiptTitle : raw.CommitmentReceiptTitle,
            WorkOrderDueByDistance = bands,
            OuterWorks = outerWorks,
            CostRules = costRules,
            FeeList = feeList,
            Booking = booking,
            Intent = intent,
            Ratings = ratings,
        };
    }
}

public sealed class RegionConfigException(string message) : Exception(message);

using System.Xml;
using Gateway.Adapters.Http;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Identifiers;
using Gateway.Contracts.Json;
using Gateway.Routing.Regions;

namespace Gateway.Adapters.Portals.Validation;

/// <summary>
/// Collects every problem of one application (the agreement wants all of them, not the first),
/// with the checks all portals share. Field paths are the portal's own; messages are Chinese.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;
    public bool Any => _errors.Count > 0;

    public void Add(string field, string code, string message) => _errors.Add(new FieldError(field, code, message));

    /// <summary>Records REQUIRED when blank; true when a value is present.</summary>
    public bool Required(string field, string? value, string label)
    {
        if (!string.IsNullOrWhiteSpace(value)) return true;
        Add(field, ErrorCodes.Required, $"{label}不能为空");
        return false;
    }

    public void Uscc(string field, string? value)
    {
        if (!Required(field, value, "统一社会信用代码")) return;
        if (!UnifiedSocialCreditCode.HasValidShape(value))
            Add(field, ErrorCodes.InvalidFormat, "统一社会信用代码应为 18 位（数字或大写字母，不含 I、O、S、V、Z）");
        else if (!UnifiedSocialCreditCode.HasValidCheckCharacter(value!))
            Add(field, ErrorCodes.UsccChecksum, "统一社会信用代码校验位错误");
    }

    public void Phone(string field, string? value)
    {
        if (!Required(field, value, "联系电话")) return;
        if (!PhoneNumber.IsValid(value))
            Add(field, ErrorCodes.InvalidFormat, "联系电话应为手机号码（1 开头 11 位）或固定电话（区号-号码）");
    }

    /// <summary>Shape of the project code and that its admin code lies in the region.</summary>
    public void ProjectCode(string field, string? value, Func<string, bool>? adminCodeInRegion)
    {
        if (!Required(field, value, "项目代码")) return;
        var admin = Contracts.Identifiers.ProjectCode.AdminCodeOf(value);
        if (admin is null)
            Add(field, ErrorCodes.InvalidFormat, "项目代码格式应为 YYYY-AAAAAA-NN-NN-NNNNNN");
        else if (adminCodeInRegion is not null && !adminCodeInRegion(admin))
            Add(field, ErrorCodes.RegionMismatch, $"项目代码中的行政区划代码 {admin} 不属于申请所在地区");
    }

    /// <summary>Parses an UPPER_SNAKE enumeration; records REQUIRED/INVALID_VALUE.</summary>
    public TEnum? Enum<TEnum>(string field, string? value, string label, bool required = true) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, ErrorCodes.Required, $"{label}不能为空");
            return null;
        }
        if (WireName.TryParse<TEnum>(value, out var parsed)) return parsed;
        Add(field, ErrorCodes.InvalidValue, $"{label}取值“{value}”无效，可选：{string.Join("、", System.Enum.GetValues<TEnum>().Select(WireName.Of))}");
        return null;
    }

    public void EnumList<TEnum>(string field, IReadOnlyList<string>? values, string label) where TEnum : struct, Enum
    {
        if (values is null) return;
        for (var i = 0; i < values.Count; i++) Enum<TEnum>($"{field}[{i}]", values[i], label);
    }

    public void Positive(string field, decimal? value, string label)
    {
        if (value is <= 0) Add(field, ErrorCodes.OutOfRange, $"{label}应大于 0");
    }

    public void NotNegative(string field, decimal? value, string label)
    {
        if (value is < 0) Add(field, ErrorCodes.OutOfRange, $"{label}不能为负数");
    }

    // ---- Checks shared by the Henan, Hubei and project-approval adapters (values arrive as text). ----

    /// <summary>
    /// The portal's application number: its idempotency key, echoed in receipts, case ids' lookups, callbacks and logs —
    /// so 1–64 ASCII letters, digits, '-' and '_' (no blanks, markup, paths, emoji or control characters).
    /// </summary>
    public void ApplicationNo(string field, string? value, string label)
    {
        if (Required(field, value, label) && (value!.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            Add(field, ErrorCodes.InvalidFormat, $"{label}应为不超过 64 位的字母、数字、“-”或“_”");
    }

    /// <summary>The region owning the admin code, when it takes pushes from this portal; else UNKNOWN_REGION and null.</summary>
    public RegionPolicy? Region(string field, string? adminCode, string label, RegionCatalog regions, string portal)
    {
        if (!Required(field, adminCode, label)) return null;
        var region = regions.ResolveByAdminCode(adminCode!.Trim());
        if (region is not null && region.Portals.Contains(portal)) return region;
        Add(field, ErrorCodes.UnknownRegion, $"{label} {adminCode} 不在本系统受理范围内");
        return null;
    }

    /// <summary>The service zone: required where the region routes by zone, and one of its zones when given.</summary>
    public void Zone(string field, string? zone, RegionPolicy? region)
    {
        if (region is null || (!region.ZoneRequired && zone is null)) return;
        if (Required(field, zone, "服务片区") && !region.HasZone(zone))
            Add(field, ErrorCodes.InvalidValue,
                region.Zones.Count == 0
                    ? $"{region.Name}不分服务片区，请不要填写“{zone}”"
                    : $"服务片区“{zone}”无效，可选：{string.Join("、", region.Zones.Select(z => z.Code))}");
    }

    /// <summary>UNSUPPORTED_SERVICE when the region's plan does not offer the service (e.g. heating outside Puyang).</summary>
    public void ServiceOffered(string field, ServiceType service, RegionPolicy? region, string label)
    {
        if (region is not null && !region.Services.Contains(service))
            Add(field, ErrorCodes.UnsupportedService, $"{region.Name}不受理{label}");
    }

    /// <summary>OUT_OF_SCOPE when the voltage is above the region's joint-hookup limit (Keqiao: 20 kV).</summary>
    public void VoltageInScope(string field, decimal? voltageKv, RegionPolicy? region)
    {
        if (region?.PowerMaxVoltageKv is { } max && voltageKv > max)
            Add(field, ErrorCodes.OutOfScope, $"{region.Name}联合报装受理 {max} kV 及以下用电，{voltageKv} kV 请走专项流程");
    }

    /// <summary>A date written yyyy-MM-dd; INVALID_FORMAT otherwise. Blank is allowed (the dates are optional).</summary>
    public DateOnly? IsoDate(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (BeijingTime.TryParseDate(value, out var date)) return date;
        Add(field, ErrorCodes.InvalidFormat, $"{label}应为 yyyy-MM-dd 日期");
        return null;
    }

    /// <summary>A decimal written as text; INVALID_FORMAT when it is not one, OUT_OF_RANGE unless &gt; 0.</summary>
    public decimal? PositiveNumber(string field, string? text, string label)
    {
        var value = NumberText(field, text, label);
        Positive(field, value, label);
        return value;
    }

    /// <summary>A decimal written as text; INVALID_FORMAT when it is not one, OUT_OF_RANGE when negative.</summary>
    public decimal? NotNegativeNumber(string field, string? text, string label)
    {
        var value = NumberText(field, text, label);
        NotNegative(field, value, label);
        return value;
    }

    /// <summary>A whole number written as text; INVALID_FORMAT when it is not one, OUT_OF_RANGE unless &gt; 0.</summary>
    public int? PositiveInteger(string field, string? text, string label)
    {
        var value = IntegerText(field, text, label);
        Positive(field, value, label);
        return value;
    }

    /// <summary>A whole number written as text; INVALID_FORMAT when it is not one, OUT_OF_RANGE when negative.</summary>
    public int? NotNegativeInteger(string field, string? text, string label)
    {
        var value = IntegerText(field, text, label);
        NotNegative(field, value, label);
        return value;
    }

    /// <summary>A Chinese enumeration word (新开户, 生产, 低压 …); REQUIRED/INVALID_VALUE.</summary>
    public TEnum? ChineseEnum<TEnum>(string field, string? value, string label, bool required = true) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, ErrorCodes.Required, $"{label}不能为空");
            return null;
        }
        if (ChineseTerms.TryParse<TEnum>(value, out var parsed)) return parsed;
        Add(field, ErrorCodes.InvalidValue, $"{label}取值“{value.Trim()}”无效，可选：{ChineseTerms.Choices<TEnum>()}");
        return null;
    }

    /// <summary>A list of Chinese enumeration words in one value (“生产,生活”); each unknown word is reported.</summary>
    public void ChineseEnumList<TEnum>(string field, string? value, string label) where TEnum : struct, Enum
    {
        foreach (var word in WireList.Split(value).Where(w => !ChineseTerms.TryParse<TEnum>(w, out _)))
            Add(field, ErrorCodes.InvalidValue, $"{label}取值“{word}”无效，可选：{ChineseTerms.Choices<TEnum>()}");
    }

    /// <summary>是/否; blank is allowed.</summary>
    public void YesNo(string field, string? value, string label)
    {
        if (!string.IsNullOrWhiteSpace(value) && !ChineseTerms.TryParseYesNo(value, out _))
            Add(field, ErrorCodes.InvalidValue, $"{label}应填“是”或“否”");
    }

    /// <summary>A space-separated list of UPPER_SNAKE values (the SOAP schema's xs:list); each unknown value is reported.</summary>
    public void EnumWords<TEnum>(string field, string? value, string label) where TEnum : struct, Enum
    {
        foreach (var word in WireList.Split(value).Where(w => !WireName.TryParse<TEnum>(w, out _)))
            Add(field, ErrorCodes.InvalidValue, $"{label}取值“{word}”无效，可选：{string.Join("、", System.Enum.GetValues<TEnum>().Select(WireName.Of))}");
    }

    /// <summary>xs:boolean (true, false, 1, 0); blank is allowed.</summary>
    public void XsBoolean(string field, string? value, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        try { XmlConvert.ToBoolean(value); }
        catch (FormatException) { Add(field, ErrorCodes.InvalidFormat, $"{label}应为 true 或 false"); }
    }

    private decimal? NumberText(string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (WireNumber.TryParseDecimal(text, out var value)) return value;
        Add(field, ErrorCodes.InvalidFormat, $"{label}应为数字，收到“{text.Trim()}”");
        return null;
    }

    private int? IntegerText(string field, string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (WireNumber.TryParseInteger(text, out var value)) return value;
        Add(field, ErrorCodes.InvalidFormat, $"{label}应为整数，收到“{text.Trim()}”");
        return null;
    }
}

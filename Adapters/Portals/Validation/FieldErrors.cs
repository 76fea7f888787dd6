using Gateway.Adapters.Http;
using Gateway.Contracts;
using Gateway.Contracts.Identifiers;

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
}

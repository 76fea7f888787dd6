using Gateway.Contracts.Cases;

namespace Gateway.Adapters.Portals.Validation;

/// <summary>
/// The Chinese words the Henan and Hubei forms use for the canonical enumerations (新开户/新装, 增容, 生产, 宽带 …),
/// and 是/否. One table, so both portals read the same word the same way.
/// </summary>
public static class ChineseTerms
{
    private static readonly Dictionary<Type, IReadOnlyDictionary<string, object>> Tables = new()
    {
        [typeof(BusinessType)] = Table(("新开户", BusinessType.New), ("新装", BusinessType.New), ("增容", BusinessType.Increase),
            ("绿化", BusinessType.Greening), ("临时用水", BusinessType.Temporary)),
        [typeof(UsageNature)] = Table(("生产", UsageNature.Production), ("生活", UsageNature.Domestic), ("消防", UsageNature.Fire)),
        [typeof(GasPressure)] = Table(("低压", GasPressure.Low), ("中压", GasPressure.Medium)),
        // Ninghe's one-form (the model of Hubei's) says 宽带信号; Henan says 宽带.
        [typeof(NetworkKind)] = Table(("宽带", NetworkKind.Broadband), ("宽带信号", NetworkKind.Broadband), ("手机信号", NetworkKind.Mobile)),
        [typeof(Carrier)] = Table(("移动", Carrier.Cmcc), ("联通", Carrier.Cucc), ("电信", Carrier.Ctcc)),
    };

    public static bool TryParse<TEnum>(string? word, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (word is null || !TableOf<TEnum>().TryGetValue(word.Trim(), out var found)) return false;
        value = (TEnum)found;
        return true;
    }

    public static TEnum Parse<TEnum>(string word) where TEnum : struct, Enum =>
        TryParse<TEnum>(word, out var value) ? value : throw new FormatException($"'{word}' is not a {typeof(TEnum).Name}");

    /// <summary>The accepted words, for error messages: “新开户、新装、增容 …”.</summary>
    public static string Choices<TEnum>() where TEnum : struct, Enum => string.Join("、", TableOf<TEnum>().Keys);

    /// <summary>是 → true, 否 → false.</summary>
    public static bool TryParseYesNo(string? word, out bool value)
    {
        value = word?.Trim() == "是";
        return word?.Trim() is "是" or "否";
    }

    private static IReadOnlyDictionary<string, object> TableOf<TEnum>() where TEnum : struct, Enum =>
        Tables.TryGetValue(typeof(TEnum), out var table)
            ? table
            : throw new ArgumentException($"no Chinese terms for {typeof(TEnum).Name}");

    private static IReadOnlyDictionary<string, object> Table<TEnum>(params (string Word, TEnum Value)[] entries) where TEnum : struct, Enum =>
        entries.ToDictionary(e => e.Word, e => (object)e.Value, StringComparer.Ordinal);
}

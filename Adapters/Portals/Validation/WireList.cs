namespace Gateway.Adapters.Portals.Validation;

/// <summary>
/// A list written into one value: “生产,生活”, “用水报装，用电报装”, “移动、联通” or the space-separated
/// xs:list of the SOAP schema (“CMCC CUCC”). Empty items are dropped.
/// </summary>
public static class WireList
{
    private static readonly char[] Separators = [',', '，', '、', ' ', '\t', '\r', '\n', '\u3000'];

    public static IReadOnlyList<string> Split(string? value) =>
        value is null ? [] : value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

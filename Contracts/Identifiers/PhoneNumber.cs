using System.Text.RegularExpressions;

namespace Gateway.Contracts.Identifiers;

/// <summary>Mainland mobile or landline numbers as the portals send them.</summary>
public static partial class PhoneNumber
{
    [GeneratedRegex(@"^(\+?86)?1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,4})?$")]
    private static partial Regex Landline();

    public static bool IsValid(string? phone) => phone is not null && (Mobile().IsMatch(phone) || Landline().IsMatch(phone));
}

using System.Text.RegularExpressions;

namespace Gateway.Contracts.Privacy;

/// <summary>
/// Masks personal data (docs/security.md, "Data protection"): phones as <c>139****1234</c>, USCCs as
/// <c>9133**********5X1B</c>-style (first 4 and last 4 kept), names to their first character.
/// </summary>
public static partial class PersonalDataMask
{
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return phone ?? "";
        var digits = phone.Length;
        if (digits <= 7) return new string('*', digits);
        return string.Concat(phone.AsSpan(0, 3), new string('*', digits - 7), phone.AsSpan(digits - 4));
    }

    public static string Uscc(string? uscc)
    {
        if (string.IsNullOrEmpty(uscc)) return uscc ?? "";
        if (uscc.Length <= 8) return new string('*', uscc.Length);
        return string.Concat(uscc.AsSpan(0, 4), new string('*', uscc.Length - 8), uscc.AsSpan(uscc.Length - 4));
    }

    public static string Name(string? name) =>
        string.IsNullOrEmpty(name) ? name ?? "" : string.Concat(name.AsSpan(0, 1), new string('*', Math.Max(1, name.Length - 1)));

    // Boundaries are ASCII letters/digits only, so numbers embedded in ids (hex, order numbers) are left alone
    // while a number right after Chinese text is still caught.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Za-z])")]
    private static partial Regex UsccInText();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(\+?86)?1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex MobileInText();

    [GeneratedRegex(@"(?<![0-9A-Za-z])0\d{2,3}-?\d{7,8}(?![0-9A-Za-z])")]
    private static partial Regex LandlineInText();

    // A person's name can only be recognised by its label: Contact = 王晓明 (a record's ToString), "contact":"王晓明"
    // (JSON), <Contact>王晓明</Contact>, <LXR> (XML), 联系人：王晓明.
    [GeneratedRegex(@"(?<label>\b(?:[Cc]ontact(?:Name)?|lxr|LXR)\b""?\s*[:=]\s*""?|<(?:Contact|LXR|lxr)>|联系人\s*[:：=]\s*)(?<name>[^,""}<>\s\]\)]+)")]
    private static partial Regex LabelledName();

    /// <summary>
    /// Free text from outside (a counterpart's error snippet, notes, reasons, timeline text, comments) as it may be stored
    /// and shown: phones and USCCs anywhere, names where their label shows them. Also what every log line goes through.
    /// </summary>
    public static string FreeText(string text)
    {
        var masked = InText(text);
        return LabelledName().Replace(masked, m => m.Groups["label"].Value + Name(m.Groups["name"].Value));
    }

    /// <summary><see cref="FreeText(string)"/>, passing null through.</summary>
    public static string? FreeTextOrNull(string? text) => text is null ? null : FreeText(text);

    /// <summary>Masks every phone number and USCC found inside free text (the log safety net).</summary>
    public static string InText(string text)
    {
        var masked = UsccInText().Replace(text, m => Uscc(m.Value));
        masked = MobileInText().Replace(masked, m => Phone(m.Value));
        return LandlineInText().Replace(masked, m => Phone(m.Value));
    }
}

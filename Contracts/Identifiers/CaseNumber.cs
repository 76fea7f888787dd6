using System.Globalization;
using System.Security.Cryptography;

namespace Gateway.Contracts.Identifiers;

/// <summary>The case number the intake gives each accepted application (the receipt's <c>caseId</c>).</summary>
public static class CaseNumber
{
    /// <summary>
    /// <c>{region}-{yyyyMMdd}-{12 characters}</c>, on <paramref name="acceptedAt"/>'s own clock (the intake gives China's
    /// time): four characters count the eighths of a second since the day began, eight are random (40 bits, as many as the whole number once had). Cases accepted together get
    /// neighbouring numbers, so every index keyed by case (the case's own, its dispatches', timeline's and callbacks') takes a
    /// new case on the pages it is already writing, not on a random page of its whole history (docs/performance.md, eleventh
    /// round).
    /// </summary>
    public static string New(string region, DateTimeOffset acceptedAt)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32: no I, L, O, U
        var eighths = (int)(acceptedAt.TimeOfDay.Ticks / (TimeSpan.TicksPerSecond / 8)); // < 691,200 < 32⁴
        var suffix = string.Create(12, eighths, (span, time) =>
        {
            for (var i = 3; i >= 0; i--, time /= 32) span[i] = alphabet[time % 32];
            for (var i = 4; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
        return $"{region}-{acceptedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{suffix}";
    }
}

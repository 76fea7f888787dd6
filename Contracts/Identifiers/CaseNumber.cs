using System.Globalization;
using System.Security.Cryptography;

namespace Gateway.Contracts.Identifiers;

/// <summary>The case number the intake gives each accepted application (the receipt's <c>caseId</c>).</summary>
public static class CaseNumber
{
    /// <summary>Crockford's base 32 (no I, L, O, U), the characters after the date.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The time characters count steps of this length since the day began: an eighth of a second.</summary>
    public const int TimeStepMilliseconds = 125;

    /// <summary>
    /// <c>{region}-{yyyyMMdd}-{12 characters}</c>, on <paramref name="acceptedAt"/>'s own clock (the intake gives China's
    /// time): four characters count the <see cref="TimeStepMilliseconds"/> steps since the day began, eight are random (40
    /// bits, as many as the whole number once had). Cases accepted together get neighbouring numbers, so every index keyed
    /// by case (the case's own, its dispatches', timeline's and callbacks') takes a new case on the pages it is already
    /// writing, not on a random page of its whole history (docs/performance.md, eleventh round).
    /// </summary>
    public static string New(string region, DateTimeOffset acceptedAt)
    {
        var steps = (int)(acceptedAt.TimeOfDay.Ticks / (TimeStepMilliseconds * TimeSpan.TicksPerMillisecond)); // < 691,200 < 32⁴
        // The random characters from one draw of 40 bits, five to a character (one call into the random source, not eight).
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random[..5]);
        var suffix = string.Create(12, (Time: steps, Random: BitConverter.ToInt64(random)), (span, parts) =>
        {
            var (time, bits) = parts;
            for (var i = 3; i >= 0; i--, time /= 32) span[i] = Alphabet[time % 32];
            for (var i = 4; i < span.Length; i++, bits >>= 5) span[i] = Alphabet[(int)(bits & 31)];
        });
        return $"{region}-{acceptedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{suffix}";
    }
}

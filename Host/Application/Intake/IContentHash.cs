namespace Gateway.Application.Intake;

/// <summary>
/// The content hash that tells a repeated push (200) from a reused application number (409). Keyed (HMAC), because the
/// canonical application holds personal data: a plain SHA-256 stored beside it would let anyone with the table test
/// guesses of a phone number or name against it.
/// </summary>
public interface IContentHash
{
    string Of(string applicationJson);

    /// <summary>Whether <paramref name="stored"/> (this format, or a plain SHA-256 of earlier versions) is the hash of <paramref name="applicationJson"/>.</summary>
    bool Matches(string stored, string applicationJson);
}

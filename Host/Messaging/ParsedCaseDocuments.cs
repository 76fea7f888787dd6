using System.Text.Json;
using Gateway.Application.Caching;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Json;
using Gateway.Routing.Lifecycle;

namespace Gateway.Messaging;

/// <summary>
/// The stored application and policy of recently sent cases, parsed once and reused while the stored text is the same. A
/// case's five or so dispatches are sent moments apart, each taken with its case's JSON; parsing it again for each was about
/// 4 % of the embedded gateway's CPU (docs/performance.md). A changed policy is a different text, so it is parsed anew.
/// What it hands out is shared between sends: read, never changed (the document builder only reads).
/// </summary>
public sealed class ParsedCaseDocuments
{
    /// <summary>Cases per generation (<see cref="RecentCache{TValue}"/>): more than are being sent at once flat out.</summary>
    private const int GenerationSize = 2048;

    private readonly RecentCache<(string Json, HookupApplication Parsed)> _applications = new(GenerationSize);
    private readonly RecentCache<(string Json, CasePolicyDocument Parsed)> _policies = new(GenerationSize);

    /// <exception cref="JsonException">the text is not a stored application.</exception>
    public HookupApplication? Application(string caseId, string json) => Parsed(_applications, caseId, json);

    /// <exception cref="JsonException">the text is not a stored policy.</exception>
    public CasePolicyDocument? Policy(string caseId, string json) => Parsed(_policies, caseId, json);

    private static T? Parsed<T>(RecentCache<(string Json, T Parsed)> cache, string caseId, string json) where T : class
    {
        if (cache.TryGet(caseId, out var kept) && string.Equals(kept.Json, json, StringComparison.Ordinal)) return kept.Parsed;
        var parsed = JsonSerializer.Deserialize<T>(json, GatewayJson.Options);
        if (parsed is null) return null;
        cache.Set(caseId, (json, parsed));
        return parsed;
    }
}

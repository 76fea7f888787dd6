using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Fakes;

/// <summary>What a fake counterpart received: method, path, headers, the raw body, and what it answered.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, FakeAnswer Answer,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The order number this fake answered with, if it acknowledged.</summary>
    public string? AnsweredOrderNo
    {
        get
        {
            try
            {
                return Answer.Json is { } json && JsonNode.Parse(json) is JsonObject o ? (string?)o["orderNo"] : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    public string BodyText => Encoding.UTF8.GetString(Body);
    public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : "";
}

using System.Text.Json.Nodes;
using Gateway.Contracts.Privacy;

namespace Gateway.Host.Api;

/// <summary>
/// What the viewer role may not see, taken out of every response it can reach (docs/security.md, "What each role sees"):
/// contact names and phone numbers — by field name in stored documents (work-order bodies), and by pattern and label
/// in free text (error snippets, notes, reasons, timeline text) — are masked.
/// </summary>
public static class ViewerMask
{
    private static readonly HashSet<string> NameFields = new(StringComparer.OrdinalIgnoreCase) { "contact", "contactName", "lxr", "linkman" };
    private static readonly HashSet<string> PhoneFields = new(StringComparer.OrdinalIgnoreCase) { "phone", "mobile", "tel", "telephone", "lxdh", "contactPhone" };

    public static string? Text(string? text) => PersonalDataMask.FreeTextOrNull(text);

    /// <summary>A stored body (JSON or not) as a viewer may see it.</summary>
    public static JsonNode? Body(string? body)
    {
        if (body is null) return null;
        JsonNode? node;
        try { node = JsonNode.Parse(body); }
        catch (System.Text.Json.JsonException) { return JsonValue.Create(PersonalDataMask.FreeText(body)); }
        return Json(node, null);
    }

    private static JsonNode? Json(JsonNode? node, string? name)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList()) o[key] = Json(value?.DeepClone(), key);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) a[i] = Json(a[i]?.DeepClone(), name);
                return a;
            case JsonValue v when v.TryGetValue<string>(out var text):
                return JsonValue.Create(name is not null && NameFields.Contains(name) ? PersonalDataMask.Name(text)
                    : name is not null && PhoneFields.Contains(name) ? PersonalDataMask.Phone(text)
                    : PersonalDataMask.FreeText(text));
            case JsonValue v when name is not null && PhoneFields.Contains(name):
                return JsonValue.Create(PersonalDataMask.Phone(v.ToJsonString()));
            default:
                return node;
        }
    }
}

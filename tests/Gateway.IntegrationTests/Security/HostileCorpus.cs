using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Security;

/// <summary>One bad request of the corpus; <see cref="Code"/>, when set, is the problem code it must get.</summary>
public sealed record HostileRequest(string Kind, string Name, byte[] Body, string? ContentType = null, string? Code = null)
{
    public override string ToString() => $"{Kind}: {Name}";
}

/// <summary>
/// Generates, for each portal, a corpus of bad requests from its valid sample: truncated bodies, trailing garbage,
/// wrong encodings and invalid UTF-8, deep nesting, duplicated fields, wrong types, huge / non-finite / negative
/// numbers, invalid dates, emoji and control characters, SQL and HTML injection, XML attacks (billion laughs, XXE,
/// DTDs), wrong content types and odd roots. Every entry is bad on its own: where a hostile string sits in free text
/// (a company name may legitimately contain quotes), the entry also carries a defect, so nothing may be stored.
/// </summary>
public static class HostileCorpus
{
    public static readonly string[] Injections =
    [
        "'; DROP TABLE cases; --", "\" OR \"1\"=\"1", "1' OR '1'='1' /*", "Robert'); DELETE FROM nonces;--",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}",
        "../../etc/passwd", "%00%27", "\\\" }, \"x\": {", "]]><x/>",
    ];

    public static readonly string[] Emoji = ["😀", "🚰⚡", "👨‍👩‍👧", "🏭"];

    /// <summary>Text that looks like the gateway's sealed values: it must be sealed like any other text, never taken as ciphertext.</summary>
    public static readonly string[] ForgedCiphertext =
    [
        "sm4gcm:dev-only-key:" + Convert.ToBase64String(new byte[40]), "sm4gcm2:dev-only-key:" + Convert.ToBase64String(new byte[40]),
        "sm4gcm:no-such-key:AAAA", "sm4gcm:", "sm4gcm2::", "sm4gcm:dev-only-key:!!not-base64!!",
    ];

    /// <summary>Escaped in JSON; raw bytes (all illegal in XML 1.0) in XML.</summary>
    public static readonly string[] Controls = ["\u0000", "\u0001", "\u0007", "\u001b[31m", "\u0008", "\u007f"];

    public static readonly string[] BadDates = ["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "26-11-23", "2026/02/30", "9999-99-99", "昨天"];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<HostileRequest> For(string portal) => portal switch
    {
        "zhejiang" => Zhejiang(),
        "hubei" => Hubei(),
        "henan" => Henan(),
        _ => ProjectApproval(),
    };

    // ---------------------------------------------------------------- shared by all portals

    private static IEnumerable<HostileRequest> Common(string portal, byte[] sample, bool json)
    {
        for (var k = 1; k <= 40; k++)
        {
            var cut = sample.Length * k / 41;
            // A cut inside a multi-byte character is invalid UTF-8 before it is bad JSON.
            var code = !json ? null : System.Text.Unicode.Utf8.IsValid(sample.AsSpan(0, cut)) ? "MALFORMED_BODY" : "INVALID_ENCODING";
            yield return new("truncated", $"first {cut} of {sample.Length} bytes", sample[..cut], Code: code);
        }
        foreach (var tail in new[] { "garbage", "{}", "<x/>", "}", "\u0000", " ,", "\n\n{\"applyNo\":1}" })
            yield return new("trailing", $"sample + {Escape(tail)}", [.. sample, .. Encoding.UTF8.GetBytes(tail)], Code: json ? "TRAILING_DATA" : null);
        yield return new("trailing", "sample twice", [.. sample, .. sample], Code: json ? "TRAILING_DATA" : null);

        var text = Encoding.UTF8.GetString(sample);
        var plain = text;
        yield return new("encoding", "UTF-16LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(plain)], Code: json ? "INVALID_ENCODING" : null);
        yield return new("encoding", "UTF-16BE without BOM", Encoding.BigEndianUnicode.GetBytes(plain));
        yield return new("encoding", "UTF-32", Encoding.UTF32.GetBytes(plain));
        if (json) yield return new("encoding", "GBK bytes sent as UTF-8", Encoding.GetEncoding("GBK").GetBytes(plain), Code: "INVALID_ENCODING");
        foreach (var (name, bytes) in new (string, byte[])[]
                 {
                     ("lone continuation byte", [0x80]), ("truncated 2-byte sequence", [0xC3, 0x28]), ("0xFF", [0xFF]),
                     ("overlong slash", [0xC0, 0xAF]), ("UTF-8 encoded surrogate", [0xED, 0xA0, 0x80]), ("code point above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
                 })
            yield return new("invalid UTF-8", name, InsertIntoFirstChineseText(sample, bytes), Code: json ? "INVALID_ENCODING" : null);

        foreach (var depth in new[] { 17, 64, 5000, 100_000 })
            yield return new("nesting", $"{depth} nested arrays", Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)),
                Code: json ? "NESTING_TOO_DEEP" : null);
        yield return new("nesting", "deep object in a field", Encoding.UTF8.GetBytes(
            text.Insert(text.IndexOf('{') + 1, "\"deep\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40) + ",")),
            Code: json ? "NESTING_TOO_DEEP" : null);
        foreach (var depth in new[] { 1000, 50_000 })
            yield return new("nesting", $"{depth} nested XML elements", Encoding.UTF8.GetBytes(
                string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth))), Code: json ? "MALFORMED_BODY" : null);

        foreach (var (name, attack) in XmlAttacks(portal))
            yield return new("xml attack", name, Encoding.UTF8.GetBytes(attack), Code: json ? "MALFORMED_BODY" : null);

        foreach (var root in new[] { "", "   ", "null", "[]", "\"text\"", "0", "true", "<x/>", "不是报文" })
            yield return new("root", $"body '{root}'", Encoding.UTF8.GetBytes(root));

        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", json ? "application/xml" : "application/json" })
            yield return new("content type", contentType, sample, contentType, "UNSUPPORTED_MEDIA_TYPE");
    }

    private static IEnumerable<(string, string)> XmlAttacks(string portal)
    {
        var root = portal == "henan" ? "BZSQ" : "soap:Envelope";
        var open = portal == "henan" ? "<BZSQ><SQBH>" : "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><SubmitHookupDemand xmlns=\"urn:gcjs:hookup:v1\"><DemandNo>";
        var close = portal == "henan" ? "</SQBH></BZSQ>" : "</DemandNo></SubmitHookupDemand></soap:Body></soap:Envelope>";
        yield return ("billion laughs", $"""<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">]>{open}&i;{close}""");
        yield return ("quadratic blowup", $"""<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY x "{new string('x', 20_000)}">]>{open}{string.Concat(Enumerable.Repeat("&x;", 2000))}{close}""");
        yield return ("XXE file", $"""<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY x SYSTEM "file:///etc/passwd">]>{open}&x;{close}""");
        yield return ("XXE http", $"""<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">]>{open}&x;{close}""");
        yield return ("parameter entity", $"""<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>{open}x{close}""");
        yield return ("external DTD", $"""<?xml version="1.0"?><!DOCTYPE {root} SYSTEM "http://127.0.0.1:9/x.dtd">{open}x{close}""");
        yield return ("internal DTD only", $"""<?xml version="1.0"?><!DOCTYPE {root} [<!ELEMENT {root} ANY>]>{open}x{close}""");
        yield return ("XInclude of a local file", $"""<?xml version="1.0"?>{open}<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>{close}""");
    }

    /// <summary>Raw bytes inserted right after the first non-ASCII character (inside a name), so the rest stays intact.</summary>
    private static byte[] InsertIntoFirstChineseText(byte[] sample, byte[] bytes)
    {
        var at = Array.FindIndex(sample, b => b >= 0xE0);
        at = at < 0 ? sample.Length / 2 : at + 3;
        return [.. sample[..at], .. bytes, .. sample[at..]];
    }

    private static string Escape(string s) => s.Replace("\n", "\\n").Replace("\u0000", "\\0");

    // ---------------------------------------------------------------- JSON portals

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Relaxed));

    /// <summary>Every value leaf of the document with a setter that replaces it.</summary>
    private static IEnumerable<(string Path, JsonValue Leaf, Action<JsonNode?> Set)> Leaves(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (child is JsonValue v) yield return (childPath, v, n => obj[key] = n);
                    else if (child is not null) foreach (var leaf in Leaves(child, childPath)) yield return leaf;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    if (array[i] is JsonValue v) yield return ($"{path}[{i}]", v, n => array[index] = n);
                    else if (array[i] is not null) foreach (var leaf in Leaves(array[i]!, $"{path}[{i}]")) yield return leaf;
                }
                break;
        }
    }

    /// <summary>Variants of the sample, each changed at the leaf found by path.</summary>
    private static IEnumerable<HostileRequest> JsonLeafVariants(Func<JsonObject> fresh, string kind, Func<string, JsonValue, IEnumerable<(string Name, JsonNode? Value)>> values)
    {
        var paths = Leaves(fresh()).Select(l => l.Path).ToList();
        foreach (var path in paths)
        {
            var leaf = Leaves(fresh()).Single(l => l.Path == path).Leaf;
            foreach (var (name, value) in values(path, leaf))
            {
                var doc = fresh();
                Leaves(doc).Single(l => l.Path == path).Set(value);
                yield return new(kind, $"{path} = {name}", Json(doc));
            }
        }
    }

    /// <summary>Wrong JSON types: never a value the binder could coerce (no numeric strings, no null for optionals).</summary>
    private static IEnumerable<(string, JsonNode?)> WrongTypes(string path, JsonValue leaf)
    {
        yield return ("{}", new JsonObject { ["x"] = 1 });
        yield return ("[]", new JsonArray(1));
        if (leaf.GetValueKind() is JsonValueKind.True or JsonValueKind.False) yield return ("\"yes\"", "yes");
        else yield return ("true", true);
    }

    private static IReadOnlyList<HostileRequest> Zhejiang()
    {
        JsonObject Fresh()
        {
            var s = GatewayHost.LoadSample("zhejiang", "keqiao-factory.json");
            s["applyNo"] = PortalPushes.UniqueNo("ZJ");
            return s;
        }
        var list = new List<HostileRequest>();
        list.AddRange(Common("zhejiang", Json(Fresh()), json: true));
        list.AddRange(JsonLeafVariants(Fresh, "wrong type", WrongTypes));

        foreach (var number in new[] { "1e400", "-1e400", "1e30", "79228162514264337593543950336", "123456789012345678901234567890123456789" })
            foreach (var field in new[] { "dailyTons", "capacityKva", "users" })
                list.Add(new("huge number", $"{field}: {number}", Encoding.UTF8.GetBytes(Regex.Replace(Json(Fresh()).AsString(), $"\"{field}\":\\s*[0-9.]+", $"\"{field}\":{number}")), Code: "NUMBER_OUT_OF_RANGE"));
        foreach (var (field, value) in new[] { ("dailyTons", "-120"), ("capacityKva", "-630"), ("users", "-50"), ("dailyM3", "-1"), ("lengthM", "-150"), ("voltageKv", "-10"), ("users", "1.5"), ("users", "99999999999"), ("bandwidthMbps", "-0.5") })
            list.Add(new("negative or wrong number", $"{field}: {value}", Encoding.UTF8.GetBytes(Regex.Replace(Json(Fresh()).AsString(), $"\"{field}\":\\s*[0-9.]+", $"\"{field}\":{value}"))));

        void Edit(string kind, string name, Action<JsonObject> change, string? code = null)
        {
            var doc = Fresh();
            change(doc);
            list.Add(new(kind, name, Json(doc), Code: code));
        }
        foreach (var date in BadDates)
        {
            Edit("invalid date", $"surveyDate {date}", d => d["surveyDate"] = date);
            Edit("invalid date", $"submitTime {date}T09:30:00+08:00", d => d["submitTime"] = $"{date}T09:30:00+08:00");
        }
        foreach (var e in Emoji)
        {
            Edit("emoji", $"applyNo with {e}", d => d["applyNo"] = "ZJ" + e + "1");
            Edit("emoji", $"mobile with {e}", d => d["applicant"]!["mobile"] = "139" + e + "05851234");
            Edit("emoji", $"uscc with {e}", d => d["applicant"]!["uscc"] = "91330621MA2D8Q5X" + e);
            Edit("emoji", $"demand type with {e}", d => d["demands"]![0]!["type"] = "WATER" + e);
        }
        foreach (var c in Controls)
            foreach (var field in new[] { "name", "contact" })
                Edit("control character", $"applicant.{field} with U+{(int)c[0]:X4}", d => d["applicant"]![field] = "王" + c + "建平", "CONTROL_CHARACTER");
        Edit("control character", "right-to-left override in project name", d => d["project"]!["name"] = "厂房\u202Egnp.exe", "CONTROL_CHARACTER");
        list.Add(new("invalid UTF-16", "lone surrogate escape in contact", Encoding.UTF8.GetBytes(Json(Fresh()).AsString().Replace("王建平", "王\\ud83d建平")), Code: "INVALID_ENCODING"));
        foreach (var injection in Injections)
        {
            Edit("injection", $"applyNo {injection}", d => d["applyNo"] = injection);
            Edit("injection", $"applicant.name {injection} (+ bad USCC)", d => { d["applicant"]!["name"] = injection; d["applicant"]!["uscc"] = "91330621MA2D8Q5X1B"; });
            Edit("injection", $"contact {injection} (+ unknown area)", d => { d["applicant"]!["contact"] = injection; d["areaCode"] = "999999"; });
        }
        foreach (var forged in ForgedCiphertext)
        {
            Edit("forged ciphertext", $"contact {forged} (+ unknown area)", d => { d["applicant"]!["contact"] = forged; d["areaCode"] = "999999"; });
            Edit("forged ciphertext", $"mobile {forged}", d => d["applicant"]!["mobile"] = forged);
        }
        foreach (var (name, json) in DuplicatedProperties(Json(Fresh()).AsString()))
            list.Add(new("duplicated property", name, Encoding.UTF8.GetBytes(json), Code: "DUPLICATE_PROPERTY"));
        return list;
    }

    private static IEnumerable<(string, string)> DuplicatedProperties(string json)
    {
        var first = json.IndexOf('{') + 1;
        yield return ("root key twice, same value", json.Insert(first, Regex.Match(json, "\"(applyNo|submitId)\":\"[^\"]*\"").Value + ","));
        yield return ("root key twice, other value", json.Insert(first, Regex.Match(json, "\"(applyNo|submitId)\":").Value + "\"X1\","));
        yield return ("root key twice, other case", json.Insert(first, Regex.Match(json, "\"(applyNo|submitId)\":").Value.ToUpperInvariant() + "\"X1\","));
        yield return ("nested object twice", json.Insert(first, Regex.Match(json, "\"(applicant|fields)\":").Value + "{},").Replace("\"fields\":{},", "\"fields\":[],"));
        yield return ("key twice in a nested object", Regex.Replace(json, "\\{\"(name|code)\":", m => m.Value + "\"x\",\"" + m.Groups[1].Value + "\":", RegexOptions.None, TimeSpan.FromSeconds(1)));
        yield return ("key three times", json.Insert(first, Regex.Match(json, "\"(areaCode|regionCode)\":\"[^\"]*\"").Value + "," + Regex.Match(json, "\"(areaCode|regionCode)\":\"[^\"]*\"").Value + ","));
    }

    private static IReadOnlyList<HostileRequest> Hubei()
    {
        JsonObject Fresh()
        {
            var s = GatewayHost.LoadSample("hubei", "ezhou-logistics-park.json");
            s["submitId"] = PortalPushes.UniqueNo("EHB");
            return s;
        }
        var list = new List<HostileRequest>();
        list.AddRange(Common("hubei", Json(Fresh()), json: true));
        list.AddRange(JsonLeafVariants(Fresh, "wrong type", (path, leaf) => path.EndsWith(".label", StringComparison.Ordinal) ? [] : WrongTypes(path, leaf)));

        void Field(string kind, string name, string value, string? code = null, Action<JsonObject>? also = null)
        {
            var doc = Fresh();
            PortalPushes.SetField(doc, name, value);
            also?.Invoke(doc);
            list.Add(new(kind, $"{name} = {Escape(value)}", Json(doc), Code: code));
        }
        foreach (var value in new[] { "1e400吨/日", "-120吨/日", "很多", "99999999999999999999999999999999吨/日", "NaN吨/日", "Infinity", "120吨/日/日", "０x10吨/日", "-0.5吨/日", "1,2吨/日" })
            Field("bad quantity", "ys_xq", value);
        foreach (var value in new[] { "-200千瓦", "1e400千瓦", "200伏", "二百千瓦", "∞千瓦" })
            Field("bad quantity", "yd_rl", value);
        foreach (var value in new[] { "-50人", "99999999999人", "1.5人", "五十人" })
            Field("bad quantity", "yw_yhs", value);
        foreach (var value in new[] { "-350米", "1e400米", "远" })
            Field("bad quantity", "zgwjl", value);
        foreach (var date in BadDates.Concat(["2026年02月30日", "2026年13月1日", "2026年11月"]))
            Field("invalid date", "yykc", date);
        foreach (var time in new[] { "2026/02/30 09:30:12", "2026/11/23 25:30:12", "昨天" })
            list.Add(new("invalid date", $"submitTime {time}", Json(Tap(Fresh(), d => d["submitTime"] = time))));
        foreach (var e in Emoji)
        {
            Field("emoji", "xydm", "91420704MA4F3N8K6" + e);
            Field("emoji", "lxdh", "0711-" + e + "3856000");
            Field("emoji", "bzsx", "用水报装" + e);
            list.Add(new("emoji", $"submitId with {e}", Json(Tap(Fresh(), d => d["submitId"] = "EHB" + e))));
        }
        foreach (var c in Controls)
            foreach (var name in new[] { "sqdw", "lxr" })
                Field("control character", name, "胡" + c + "海燕", "CONTROL_CHARACTER");
        foreach (var injection in Injections)
        {
            Field("injection", "xydm", injection);
            Field("injection", "sqdw", injection + " (+ bad phone)", also: d => PortalPushes.SetField(d, "lxdh", "12345"));
            Field("injection", "lxr", injection + " (+ unknown region)", also: d => d["regionCode"] = "999999");
            list.Add(new("injection", $"regionCode {injection}", Json(Tap(Fresh(), d => d["regionCode"] = injection))));
        }
        foreach (var forged in ForgedCiphertext)
        {
            Field("forged ciphertext", "lxr", forged + " (+ unknown region)", also: d => d["regionCode"] = "999999");
            Field("forged ciphertext", "lxdh", forged);
        }
        foreach (var (name, json) in DuplicatedProperties(Json(Fresh()).AsString()))
            list.Add(new("duplicated property", name, Encoding.UTF8.GetBytes(json), Code: "DUPLICATE_PROPERTY"));
        foreach (var number in new[] { "1e400", "-1e400", "79228162514264337593543950336" })
            list.Add(new("huge number", $"a field value {number}", Encoding.UTF8.GetBytes(Json(Fresh()).AsString().Replace("\"value\":\"120吨/日\"", $"\"value\":{number}")), Code: "NUMBER_OUT_OF_RANGE"));
        return list;
    }

    private static JsonObject Tap(JsonObject doc, Action<JsonObject> change)
    {
        change(doc);
        return doc;
    }

    private static string AsString(this byte[] utf8) => Encoding.UTF8.GetString(utf8);

    // ---------------------------------------------------------------- XML portals

    private static IEnumerable<HostileRequest> XmlElementVariants(Func<string> fresh, string kind, IEnumerable<string> elements, IEnumerable<string> values)
    {
        foreach (var element in elements)
            foreach (var value in values)
            {
                var text = fresh();
                var pattern = new Regex($"<{element}(\\s[^>]*)?>[^<]*</{element}>");
                if (!pattern.IsMatch(text)) throw new InvalidOperationException($"sample has no <{element}>");
                var escaped = System.Security.SecurityElement.Escape(value);
                yield return new(kind, $"<{element}>{value}</{element}>", Encoding.UTF8.GetBytes(pattern.Replace(text, m => $"<{element}{m.Groups[1].Value}>{escaped}</{element}>", 1)));
            }
    }

    private static readonly string[] BadQuantities = ["很多", "1e400", "-5", "-0.5", "NaN", "Infinity", "99999999999999999999999999999999", "12abc", "0x10", "1,000"];

    private static IReadOnlyList<HostileRequest> Henan()
    {
        string Fresh() => Encoding.UTF8.GetString(PortalPushes.HenanVariant("xinxian-tea-factory.xml", PortalPushes.UniqueNo("HN")));
        var list = new List<HostileRequest>();
        list.AddRange(Common("henan", Encoding.UTF8.GetBytes(Fresh()), json: false));
        list.AddRange(XmlElementVariants(Fresh, "bad quantity", ["XQL", "RL", "DYDJ", "YHS", "DK", "GJ", "CD", "CYDL", "GWJ", "KS"], BadQuantities));
        list.AddRange(XmlElementVariants(Fresh, "invalid date", ["YYKCSJ"], BadDates));
        list.AddRange(XmlElementVariants(Fresh, "invalid date", ["TJSJ"], BadDates.Select(d => d + " 09:30:00").Append("2026-11-23 25:00:00")));
        list.AddRange(XmlElementVariants(Fresh, "emoji", ["SQBH", "TYSHXYDM", "LXDH", "XZQHDM", "YWLX"], Emoji.Select(e => "1" + e)));
        list.AddRange(XmlElementVariants(Fresh, "injection", ["SQBH", "TYSHXYDM", "LXDH", "XZQHDM", "XMDM"], Injections));
        list.AddRange(XmlElementVariants(Fresh, "forged ciphertext", ["LXDH"], ForgedCiphertext));
        foreach (var injection in Injections)
            list.Add(new("injection", $"<SQDW>{injection}</SQDW> (+ bad USCC)", Encoding.UTF8.GetBytes(
                Fresh().Replace("<SQDW>新县信合茶业科技有限公司</SQDW>", $"<SQDW>{System.Security.SecurityElement.Escape(injection)}</SQDW>").Replace("MA9GK7R2XN", "MA9GK7R2XA"))));
        foreach (var c in Controls.Where(c => c != "\u007f"))
        {
            list.Add(new("control character", $"raw U+{(int)c[0]:X4} in <LXR>", Encoding.UTF8.GetBytes(Fresh().Replace("刘志强", "刘" + c + "志强"))));
            list.Add(new("control character", $"&#x{(int)c[0]:X}; in <SQDW>", Encoding.UTF8.GetBytes(Fresh().Replace("新县信合", $"新县&#x{(int)c[0]:X};信合"))));
        }
        foreach (var element in new[] { "SQBH", "LXDH", "TYSHXYDM", "XZQHDM", "TJSJ" })
            list.Add(new("duplicated field", $"<{element}> twice", Encoding.UTF8.GetBytes(Regex.Replace(Fresh(), $"<{element}>[^<]*</{element}>", m => m.Value + m.Value, RegexOptions.None, TimeSpan.FromSeconds(1)))));
        list.Add(new("wrong encoding", "declared GBK, sent as UTF-16", Encoding.Unicode.GetBytes(Fresh().Replace("UTF-8", "GBK"))));
        list.Add(new("wrong encoding", "declared ISO-8859-1", Encoding.UTF8.GetBytes(Fresh().Replace("UTF-8", "ISO-8859-1"))));
        list.Add(new("wrong encoding", "declared EBCDIC", Encoding.UTF8.GetBytes(Fresh().Replace("UTF-8", "IBM037"))));
        list.Add(new("wrong encoding", "declared UTF-8, sent as GBK", Encoding.GetEncoding("GBK").GetBytes(Fresh())));
        return list;
    }

    private static IReadOnlyList<HostileRequest> ProjectApproval()
    {
        string Fresh() => Encoding.UTF8.GetString(PortalPushes.SoapVariant("ezhou-logistics-park.xml", PortalPushes.UniqueNo("GC")));
        var list = new List<HostileRequest>();
        list.AddRange(Common("project-approval", Encoding.UTF8.GetBytes(Fresh()), json: false));
        list.AddRange(XmlElementVariants(Fresh, "bad quantity", ["DailyTons", "CapacityKva", "DailyM3", "Users", "BandwidthMbps", "DistanceToMainM"], BadQuantities));
        list.AddRange(XmlElementVariants(Fresh, "invalid date", ["SurveyDate"], BadDates));
        list.AddRange(XmlElementVariants(Fresh, "invalid date", ["SubmitTime"], BadDates.Select(d => d + "T09:30:00+08:00").Append("2026-11-23T25:00:00")));
        list.AddRange(XmlElementVariants(Fresh, "emoji", ["DemandNo", "Uscc", "Phone", "RegionCode", "Stage"], Emoji.Select(e => "1" + e)));
        list.AddRange(XmlElementVariants(Fresh, "injection", ["DemandNo", "Uscc", "Phone", "RegionCode", "ProjectCode"], Injections));
        list.AddRange(XmlElementVariants(Fresh, "forged ciphertext", ["Phone"], ForgedCiphertext));
        foreach (var injection in Injections)
            list.Add(new("injection", $"<Name>{injection}</Name> (+ bad USCC)", Encoding.UTF8.GetBytes(
                Fresh().Replace("<Name>鄂州临空华瑞冷链物流有限公司</Name>", $"<Name>{System.Security.SecurityElement.Escape(injection)}</Name>").Replace("MA4F3N8K61", "MA4F3N8K62"))));
        foreach (var c in Controls.Where(c => c != "\u007f"))
        {
            list.Add(new("control character", $"raw U+{(int)c[0]:X4} in <Contact>", Encoding.UTF8.GetBytes(Fresh().Replace("胡海燕", "胡" + c + "海燕"))));
            list.Add(new("control character", $"&#x{(int)c[0]:X}; in <Name>", Encoding.UTF8.GetBytes(Fresh().Replace("鄂州临空", $"鄂州&#x{(int)c[0]:X};临空"))));
        }
        foreach (var element in new[] { "DemandNo", "Phone", "Uscc", "RegionCode", "Stage" })
            list.Add(new("duplicated field", $"<{element}> twice", Encoding.UTF8.GetBytes(Regex.Replace(Fresh(), $"<{element}>[^<]*</{element}>", m => m.Value + m.Value, RegexOptions.None, TimeSpan.FromSeconds(1)))));
        foreach (var business in new[] { "OLD", "", "<x>" })
            list.Add(new("wrong value", $"Water Business=\"{business}\"", Encoding.UTF8.GetBytes(Fresh().Replace("<Water Business=\"NEW\">", $"<Water Business=\"{System.Security.SecurityElement.Escape(business)}\">"))));
        list.Add(new("wrong encoding", "declared utf-8, sent as GBK", Encoding.GetEncoding("GBK").GetBytes(Fresh())));
        list.Add(new("wrong encoding", "declared ISO-8859-1", Encoding.UTF8.GetBytes(Fresh().Replace("utf-8", "ISO-8859-1"))));
        return list;
    }
}

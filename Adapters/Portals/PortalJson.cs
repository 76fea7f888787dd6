using System.Net.Mime;
using System.Text;
using System.Text.Json;
using Gateway.Adapters.Http;
using Gateway.Contracts.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Portals;

/// <summary>
/// The one place portal JSON bodies are read, strictly: System.Text.Json alone would take the last of duplicated
/// properties, read <c>1e400</c> as Infinity, throw a non-JSON exception (a 500) on invalid UTF-8, and accept escaped
/// control characters. Here each is a <c>400</c> with its own stable code, found before the body is bound:
/// <c>INVALID_ENCODING</c>, <c>MALFORMED_BODY</c>, <c>NESTING_TOO_DEEP</c>, <c>DUPLICATE_PROPERTY</c>,
/// <c>NUMBER_OUT_OF_RANGE</c>, <c>CONTROL_CHARACTER</c>, <c>TRAILING_DATA</c>.
/// </summary>
public static class PortalJson
{
    /// <summary>Deepest nesting accepted (the portal shapes need 4).</summary>
    public const int MaxDepth = 16;

    public const string InvalidEncoding = "INVALID_ENCODING";
    public const string MalformedBody = "MALFORMED_BODY";
    public const string NestingTooDeep = "NESTING_TOO_DEEP";
    public const string DuplicateProperty = "DUPLICATE_PROPERTY";
    public const string NumberOutOfRange = "NUMBER_OUT_OF_RANGE";
    public const string ControlCharacter = "CONTROL_CHARACTER";
    public const string TrailingData = "TRAILING_DATA";

    /// <summary>A portal's JSON request (a <see cref="PortalReader{TWire}"/>): 415 unless application/json, then <see cref="Read{T}"/>.</summary>
    public static (T? Value, IResult? Problem) ReadRequest<T>(HttpRequest request, byte[] body) where T : class =>
        request.ContentType?.StartsWith(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase) == true
            ? Read<T>(body)
            : (null, IntakeResponses.UnsupportedMediaType(MediaTypeNames.Application.Json));

    /// <summary>The bound body, or the problem to answer with.</summary>
    public static (T? Value, IResult? Problem) Read<T>(byte[] body) where T : class
    {
        ReadOnlySpan<byte> json = body;
        if (json.StartsWith(Encoding.UTF8.Preamble)) json = json[Encoding.UTF8.Preamble.Length..];
        if (!System.Text.Unicode.Utf8.IsValid(json))
            return (null, Problem(InvalidEncoding, "请求体不是有效的 UTF-8 编码", "JSON 请求体须为 UTF-8 编码", null));

        var problem = Scan(json);
        if (problem is not null) return (null, problem);

        try
        {
            var value = JsonSerializer.Deserialize<T>(json, GatewayJson.Options);
            return value is null ? (null, IntakeResponses.MalformedJson(null)) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, IntakeResponses.MalformedJson(ex.Path));
        }
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
        public string? Property { get; set; }
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase); // binding ignores case too
    }

    private static IResult? Scan(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            MaxDepth = MaxDepth + 8, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false,
        });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var frame = frames[^1];
                    frame.Property = name;
                    if (!frame.Names.Add(name))
                        return Problem(DuplicateProperty, "请求体含有重复的字段", $"字段 {Path(frames)} 出现了不止一次", Path(frames));
                    continue;
                }
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    frames.RemoveAt(frames.Count - 1);
                    if (frames.Count == 0) break;
                    continue;
                }
                if (frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
                switch (token)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (frames.Count >= MaxDepth)
                            return Problem(NestingTooDeep, "请求体嵌套层数过深", $"JSON 嵌套不得超过 {MaxDepth} 层", null);
                        frames.Add(new Frame(token == JsonTokenType.StartArray));
                        continue;
                    case JsonTokenType.Number when !reader.TryGetDecimal(out _):
                        return Problem(NumberOutOfRange, "请求体含有超出范围的数值", $"字段 {Path(frames)} 的数值超出可处理范围", Path(frames));
                    case JsonTokenType.String:
                        string text;
                        try { text = reader.GetString()!; }
                        catch (InvalidOperationException)
                        {
                            return Problem(InvalidEncoding, "请求体含有无效的 Unicode 转义", $"字段 {Path(frames)} 含有不成对的代理项", Path(frames));
                        }
                        if (text.Any(IsForbiddenControl))
                            return Problem(ControlCharacter, "请求体含有控制字符", $"字段 {Path(frames)} 含有不可见的控制字符", Path(frames));
                        break;
                }
                if (frames.Count == 0) break; // a scalar root value
            }
        }
        catch (JsonException ex)
        {
            return Problem(MalformedBody, "请求体不是有效的 JSON",
                $"第 {(ex.LineNumber ?? 0) + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 字节附近：JSON 语法错误", null);
        }

        foreach (var b in json[(int)reader.BytesConsumed..])
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return Problem(TrailingData, "请求体在 JSON 之后还有多余内容", "一个请求体只能包含一个 JSON 值", null);
        return null;
    }

    /// <summary>C0/C1 controls other than tab and line breaks, and the bidirectional overrides that disguise text.</summary>
    public static bool IsForbiddenControl(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    private static string Path(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray) path.Append('[').Append(Math.Max(frame.Index, 0)).Append(']');
            else if (frame.Property is not null) path.Append(path.Length > 0 ? "." : "").Append(frame.Property);
        }
        return path.ToString();
    }

    private static IResult Problem(string code, string title, string message, string? field) =>
        Problems.Result(StatusCodes.Status400BadRequest, code, title, message,
            [new FieldError(field ?? "", code, message)]);
}

using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Gateway.Adapters.Soap;

/// <summary>
/// The one way an inbound XML body (Henan's REST XML, SOAP envelopes) is parsed: DTDs prohibited, no
/// resolver, so neither external entities (XXE) nor entity expansion (billion laughs) can happen. The
/// declared encoding is honoured, including the Chinese code pages GBK, GB2312 and GB18030.
/// </summary>
public static class SafeXml
{
    /// <summary>Encodings the portals may declare; anything else is refused before parsing.</summary>
    public static readonly IReadOnlySet<string> AllowedEncodings =
        new HashSet<string>(["UTF-8", "UTF8", "GBK", "GB2312", "GB18030"], StringComparer.OrdinalIgnoreCase);

    static SafeXml()
    {
        // GBK (936) and GB18030 (54936) live in the code-pages provider, not in the default set.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Deepest element nesting accepted (a SOAP envelope with its payload needs 6).</summary>
    public const int MaxDepth = 32;

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        MaxCharactersInDocument = 4 * 1024 * 1024,
    };

    /// <summary>Parses the body; throws <see cref="XmlException"/> for anything not well-formed, a DTD, an encoding not allowed, or nesting deeper than <see cref="MaxDepth"/>.</summary>
    public static XDocument Load(byte[] body)
    {
        var declared = DeclaredEncoding(body);
        if (declared is not null && !AllowedEncodings.Contains(declared))
            throw new XmlException($"encoding '{declared}' is not accepted (UTF-8, GBK, GB2312 or GB18030)");
        // A streaming pass first: a deeply nested body (50 000 levels fit in 350 KB) is refused before a tree is built,
        // which would otherwise cost seconds of CPU per request.
        using (var scan = XmlReader.Create(new MemoryStream(body, writable: false), Settings()))
            while (scan.Read())
                if (scan.Depth > MaxDepth)
                    throw new XmlException($"XML nesting deeper than {MaxDepth} levels is not accepted", null,
                        (scan as IXmlLineInfo)?.LineNumber ?? 0, (scan as IXmlLineInfo)?.LinePosition ?? 0);
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, Settings());
        return XDocument.Load(reader, LoadOptions.None);
    }

    /// <summary>The encoding named in the XML declaration, if any (the declaration is ASCII in every allowed encoding).</summary>
    public static string? DeclaredEncoding(byte[] body)
    {
        var start = body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var head = Encoding.ASCII.GetString(body, start, Math.Min(body.Length - start, 200));
        if (!head.StartsWith("<?xml", StringComparison.Ordinal)) return null;
        var end = head.IndexOf("?>", StringComparison.Ordinal);
        if (end < 0) return null;
        var declaration = head[..end];
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = declaration[(at + "encoding".Length)..].TrimStart().TrimStart('=').TrimStart();
        if (rest.Length < 2 || rest[0] is not ('"' or '\'')) return null;
        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? null : rest[1..close];
    }
}

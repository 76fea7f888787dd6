using System.Xml.Linq;

namespace Gateway.Adapters.Portals.Henan;

/// <summary>
/// Reads a parsed BZSQ document into <see cref="HenanApplication"/>. Elements are matched by local name in any
/// order and unknown ones ignored; each SX/GC remembers its element path for error reporting.
/// </summary>
public static class HenanXmlReader
{
    public const string Root = "BZSQ";

    /// <summary>Null when the root element is not BZSQ.</summary>
    public static HenanApplication? Read(XDocument document)
    {
        var root = document.Root;
        if (root is null || root.Name.LocalName != Root) return null;

        var app = new HenanApplication();
        string? Text(string name) => TextOf(Single(root, name, Root, app.Repeated));
        app.Sqbh = Text("SQBH");
        app.Xzqhdm = Text("XZQHDM");
        app.Tjsj = Text("TJSJ");
        app.Xmdm = Text("XMDM");
        app.Xmmc = Text("XMMC");
        app.Sqdw = Text("SQDW");
        app.Tyshxydm = Text("TYSHXYDM");
        app.Lxr = Text("LXR");
        app.Lxdh = Text("LXDH");
        app.Sqdz = Text("SQDZ");
        app.Yykcsj = Text("YYKCSJ");

        var items = Single(root, "BZSX", Root, app.Repeated)?.Elements().Where(e => e.Name.LocalName == "SX").ToList() ?? [];
        foreach (var (element, path) in WithPaths(items, $"{Root}/BZSX/SX"))
        {
            string? S(string name) => TextOf(Single(element, name, path, app.Repeated));
            app.Services.Add(new HenanService
            {
                Path = path,
                Lb = LbOf(element),
                Ywlx = S("YWLX"), Xql = S("XQL"), Xz = S("XZ"), Rl = S("RL"), Dydj = S("DYDJ"), Yljb = S("YLJB"),
                Lx = S("LX"), Yhs = S("YHS"), Dk = S("DK"), Yys = S("YYS"), Mj = S("MJ"),
            });
        }

        var works = Single(root, "WXGC", Root, app.Repeated)?.Elements().Where(e => e.Name.LocalName == "GC").ToList() ?? [];
        foreach (var (element, path) in WithPaths(works, $"{Root}/WXGC/GC"))
        {
            string? W(string name) => TextOf(Single(element, name, path, app.Repeated));
            app.OuterWorks.Add(new HenanOuterWork
            {
                Path = path,
                Lb = LbOf(element),
                Gj = W("GJ"), Cd = W("CD"), Ldmj = W("LDMJ"), Cydl = W("CYDL"), Qytz = W("QYTZ"), Wxp = W("WXP"),
                Gwj = W("GWJ"), Ks = W("KS"), Fsxs = W("FSXS"),
            });
        }
        return app;
    }

    /// <summary>
    /// <c>SX[@LB='YD']</c> as the agreement writes it; a second SX with the same LB gets <c>[2]</c> after it, and an
    /// SX without LB is named by its position, <c>SX[3]</c>.
    /// </summary>
    private static IEnumerable<(XElement Element, string Path)> WithPaths(List<XElement> elements, string basePath)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < elements.Count; i++)
        {
            var lb = LbOf(elements[i]);
            if (string.IsNullOrEmpty(lb))
            {
                yield return (elements[i], $"{basePath}[{i + 1}]");
                continue;
            }
            var n = seen[lb] = seen.GetValueOrDefault(lb) + 1;
            yield return (elements[i], n == 1 ? $"{basePath}[@LB='{lb}']" : $"{basePath}[@LB='{lb}'][{n}]");
        }
    }

    private static string? LbOf(XElement element) => element.Attribute("LB")?.Value.Trim();

    private static XElement? Single(XElement parent, string localName, string parentPath, List<string> repeated)
    {
        var matches = parent.Elements().Where(e => e.Name.LocalName == localName).Take(2).ToList();
        if (matches.Count > 1) repeated.Add($"{parentPath}/{localName}");
        return matches.FirstOrDefault();
    }

    private static string? TextOf(XElement? element) => element?.Value.Trim();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gateway.Bench;

/// <summary>One sample application of config/samples/&lt;portal&gt;/ with its application number cut out, so fresh numbers can be spliced in.</summary>
public sealed record ApplicationTemplate(string Portal, string File, string Path, string ContentType, string? SoapAction, byte[] Prefix, string Number, byte[] Suffix)
{
    public const int CounterDigits = 6;

    /// <summary>The sample's bytes with the last six digits of its application number replaced by <paramref name="n"/>.</summary>
    public byte[] WithNumber(long n)
    {
        var fresh = Number[..^CounterDigits] + (n % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var middle = Encoding.ASCII.GetBytes(fresh);
        var body = new byte[Prefix.Length + middle.Length + Suffix.Length];
        Prefix.CopyTo(body, 0);
        middle.CopyTo(body, Prefix.Length);
        Suffix.CopyTo(body, Prefix.Length + middle.Length);
        return body;
    }
}

/// <summary>Every sample under config/samples/, each portal pushed the way its agreement says (JSON, XML, SOAP).</summary>
public static class ApplicationTemplates
{
    // The application number of each portal: ASCII in every sample encoding (UTF-8 or GBK), so bytes are spliced as Latin-1.
    private static readonly Dictionary<string, Regex> NumberPattern = new()
    {
        ["zhejiang"] = new("\"applyNo\"\\s*:\\s*\"([A-Z0-9-]+)\""),
        ["hubei"] = new("\"submitId\"\\s*:\\s*\"([A-Z0-9-]+)\""),
        ["henan"] = new("<SQBH>([A-Z0-9-]+)</SQBH>"),
        ["project-approval"] = new("<DemandNo>([A-Z0-9-]+)</DemandNo>"),
    };

    private const string IntentSamples = "intents";

    public static IReadOnlyList<ApplicationTemplate> Load(string samplesDir)
    {
        var templates = new List<ApplicationTemplate>();
        foreach (var dir in Directory.GetDirectories(samplesDir).Order(StringComparer.Ordinal))
        {
            var portal = System.IO.Path.GetFileName(dir);
            // config/samples/intents/ shows the intent flow (an early-stage demand, then its permit): no case per push.
            if (portal == IntentSamples) continue;
            if (!NumberPattern.TryGetValue(portal, out var pattern))
                throw new InvalidOperationException($"bench: no application-number pattern for portal '{portal}' (add it to ApplicationTemplates)");
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                var bytes = System.IO.File.ReadAllBytes(file);
                var latin1 = Encoding.Latin1.GetString(bytes);
                var match = pattern.Match(latin1);
                if (!match.Success || match.Groups[1].Length <= ApplicationTemplate.CounterDigits)
                    throw new InvalidOperationException($"bench: no application number in {file}");
                var group = match.Groups[1];
                var (path, contentType, soapAction) = portal switch
                {
                    "henan" => ($"/api/portals/{portal}/applications", "application/xml", (string?)null),
                    "project-approval" => ("/soap/project-approval", "text/xml; charset=utf-8", "\"urn:gcjs:hookup:v1/SubmitHookupDemand\""),
                    _ => ($"/api/portals/{portal}/applications", "application/json; charset=utf-8", null),
                };
                templates.Add(new ApplicationTemplate(portal, System.IO.Path.GetFileName(file), path, contentType, soapAction,
                    bytes[..group.Index], group.Value, bytes[(group.Index + group.Length)..]));
            }
        }
        if (templates.Count == 0) throw new InvalidOperationException($"bench: no samples under {samplesDir}");
        return templates;
    }
}

using System.Text.RegularExpressions;
using Gateway.Contracts;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;

namespace Gateway.UnitTests.Architecture;

/// <summary>
/// Statuses, kinds, progress, decisions, timeline and portal-event types are enumerations; their wire and database
/// names come from <see cref="WireName"/> alone. No product source spells one of those names in a string literal
/// (C# "…" or SQL '…'), so renaming or adding a state cannot miss a copy.
/// </summary>
public sealed partial class LifecycleLiteralTests
{
    private static readonly string[] ProductFolders = ["Contracts", "Routing", "Adapters", "Host"];

    private static IEnumerable<string> Names<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(WireName.Of);

    [Fact]
    public void No_lifecycle_name_is_spelled_out_in_product_code()
    {
        var names = Names<CaseStatus>().Concat(Names<DispatchStatus>()).Concat(Names<DispatchKind>()).Concat(Names<FailedMessageStatus>())
            .Concat(Names<CallbackStatus>()).Concat(Names<TimelineType>()).Concat(Names<WorkProgress>()).Concat(Names<Decision>())
            .Concat(Names<PortalEventType>()).Concat(Names<UtilityEvent>()).Concat(Names<ClockState>()).Concat(Names<ClockViolation>()).Concat(Names<IntentStatus>())
            .ToHashSet();
        var literal = new Regex(@"(?<![\w$])[""']([A-Z][A-Z_]+)[""']", RegexOptions.CultureInvariant);
        var hits = new List<string>();
        foreach (var folder in ProductFolders)
            foreach (var file in Directory.GetFiles(Path.Combine(TestRepo.Root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(TestRepo.Root, file).Replace('\\', '/');
                if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    foreach (Match m in literal.Matches(lines[i]))
                        if (names.Contains(m.Groups[1].Value)) hits.Add($"{relative}:{i + 1}: {m.Value}");
            }
        Assert.True(hits.Count == 0, "lifecycle names spelled out (use the enumeration and WireName):\n" + string.Join("\n", hits));
    }

    [Fact]
    public void The_check_would_see_a_spelled_out_status()
    {
        // Guards the guard: the pattern matches the shapes a status takes in C# and in SQL text.
        var literal = new Regex(@"(?<![\w$])[""']([A-Z][A-Z_]+)[""']");
        Assert.Equal("IN_PROGRESS", literal.Match("status = 'IN_PROGRESS'").Groups[1].Value);
        Assert.Equal("DISPATCH_SENT", literal.Match("Type = \"DISPATCH_SENT\",").Groups[1].Value);
    }
}

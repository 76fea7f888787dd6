using System.CommandLine;
using System.Text.Json.Nodes;

namespace Gateway.Cli;

/// <summary>
/// <c>cases show &lt;caseId&gt;</c>: the case view (dispatches, clocks, timeline), as a summary table or <c>--json</c>;
/// <c>cases list [--overdue] [--region r]</c>: the case list, where overdue means an overdue dispatch or clock.
/// </summary>
public static class CasesCommand
{
    public static Command Create(CliOptions options)
    {
        var caseId = new Argument<string>("caseId") { Description = "Case id from the receipt" };
        var show = new Command("show", "Show one case: dispatches and timeline") { caseId };
        show.SetAction((parse, ct) => AdminApiClient.RunAsync(parse.GetValue(options.Url), options.TokenOf(parse), async api =>
        {
            var reply = await api.GetAsync($"/api/cases/{Uri.EscapeDataString(parse.GetValue(caseId)!)}", ct);
            if (!reply.Ok) return AdminApiClient.Fail(reply);
            if (parse.GetValue(options.Json)) Console.WriteLine(reply.Text);
            else PrintTable(reply.Json!);
            return 0;
        }));
        var overdue = new Option<bool>("--overdue") { Description = "Only cases with an overdue dispatch or clock" };
        var region = new Option<string?>("--region") { Description = "Only cases of this region" };
        var list = new Command("list", "List cases (newest first, first 200)") { overdue, region };
        list.SetAction((parse, ct) => AdminApiClient.RunAsync(parse.GetValue(options.Url), options.TokenOf(parse), async api =>
        {
            var query = "/api/cases?pageSize=200" + (parse.GetValue(overdue) ? "&overdue=true" : "")
                + (parse.GetValue(region) is { } r ? $"&region={Uri.EscapeDataString(r)}" : "");
            var reply = await api.GetAsync(query, ct);
            if (!reply.Ok) return AdminApiClient.Fail(reply);
            if (parse.GetValue(options.Json)) { Console.WriteLine(reply.Text); return 0; }
            static string S(JsonNode? e, string name) => e?[name]?.ToString() ?? "-";
            Console.WriteLine($"{"CASE",-32} {"REGION",-8} {"STATUS",-12} {"LATE",-8} ACCEPTED");
            foreach (var c in reply.Json!["items"]!.AsArray())
                Console.WriteLine($"{S(c, "caseId"),-32} {S(c, "region"),-8} {S(c, "status"),-12} {S(c, "overdue"),-8} {S(c, "acceptedAt")}");
            return 0;
        }));
        return new Command("cases", "Inspect cases") { show, list };
    }

    private static void PrintTable(JsonNode view)
    {
        static string S(JsonNode? e, string name) => e?[name]?.ToString() ?? "-";
        Console.WriteLine($"case {S(view, "caseId")}  region {S(view, "region")}  zone {S(view, "zone")}  status {S(view, "status")}  accepted {S(view, "acceptedAt")}");
        Console.WriteLine();
        Console.WriteLine($"{"DISPATCH",-40} {"COUNTERPART",-22} {"STATUS",-13} {"REF",-26} DUE");
        foreach (var d in view["dispatches"]!.AsArray())
            Console.WriteLine($"{S(d, "dispatchId"),-40} {S(d, "counterpartId"),-22} {S(d, "status"),-13} {S(d, "externalRef"),-26} {S(d, "dueAt")}");
        Console.WriteLine();
        Console.WriteLine($"{"CLOCK",-30} {"COUNTERPART",-26} {"STATE",-8} {"DUE",-26} OVERDUE");
        foreach (var c in view["clocks"]?.AsArray() ?? [])
            Console.WriteLine($"{S(c, "step"),-30} {S(c, "counterpartId"),-26} {S(c, "state"),-8} {(c?["dueAt"] is null ? "（无时限）" : S(c, "dueAt")),-26} {S(c, "overdue")}{(c?["violation"] is { } v ? $"  violation {v}" : "")}");
        Console.WriteLine();
        foreach (var t in view["timeline"]!.AsArray())
            Console.WriteLine($"{S(t, "at")}  {S(t, "type"),-22} {S(t, "actor"),-34} {S(t, "detail")}");
    }
}

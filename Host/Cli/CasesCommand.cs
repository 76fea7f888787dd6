using System.CommandLine;
using System.Text.Json.Nodes;

namespace Gateway.Cli;

/// <summary><c>cases show &lt;caseId&gt;</c>: the case view, as a summary table or <c>--json</c>.</summary>
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
        return new Command("cases", "Inspect cases") { show };
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
        foreach (var t in view["timeline"]!.AsArray())
            Console.WriteLine($"{S(t, "at")}  {S(t, "type"),-22} {S(t, "actor"),-34} {S(t, "detail")}");
    }
}

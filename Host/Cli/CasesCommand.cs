using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Gateway.Host.Cli;

/// <summary><c>cases show &lt;caseId&gt;</c>: the case view, as a summary table or <c>--json</c>.</summary>
public static class CasesCommand
{
    public static Command Create(Option<string> url, Option<bool> json)
    {
        var caseId = new Argument<string>("caseId") { Description = "Case id from the receipt" };
        var show = new Command("show", "Show one case: dispatches and timeline") { caseId };
        show.SetAction(async (parse, ct) =>
        {
            var token = Environment.GetEnvironmentVariable("GATEWAY_TOKEN");
            if (string.IsNullOrEmpty(token))
            {
                Console.Error.WriteLine("cases: set GATEWAY_TOKEN to an admin bearer token (embedded profile: dev-viewer-token)");
                return 2;
            }
            using var http = new HttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try
            {
                response = await http.GetAsync(new Uri(new Uri(parse.GetValue(url)!), $"/api/cases/{Uri.EscapeDataString(parse.GetValue(caseId)!)}"), ct);
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"cases: cannot reach {parse.GetValue(url)}: {ex.Message}");
                return 3;
            }
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode || parse.GetValue(json))
                {
                    Console.WriteLine(text);
                    return response.IsSuccessStatusCode ? 0 : 1;
                }
                PrintTable(JsonDocument.Parse(text).RootElement);
                return 0;
            }
        });
        var cases = new Command("cases", "Inspect cases") { show };
        return cases;
    }

    private static void PrintTable(JsonElement view)
    {
        string S(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "-";
        Console.WriteLine($"case {S(view, "caseId")}  region {S(view, "region")}  zone {S(view, "zone")}  status {S(view, "status")}  accepted {S(view, "acceptedAt")}");
        Console.WriteLine();
        Console.WriteLine($"{"DISPATCH",-40} {"COUNTERPART",-22} {"STATUS",-13} {"REF",-26} DUE");
        foreach (var d in view.GetProperty("dispatches").EnumerateArray())
            Console.WriteLine($"{S(d, "dispatchId"),-40} {S(d, "counterpartId"),-22} {S(d, "status"),-13} {S(d, "externalRef"),-26} {S(d, "dueAt")}");
        Console.WriteLine();
        foreach (var t in view.GetProperty("timeline").EnumerateArray())
            Console.WriteLine($"{S(t, "at")}  {S(t, "type"),-22} {S(t, "actor"),-34} {S(t, "detail")}");
    }
}

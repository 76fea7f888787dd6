using System.CommandLine;

namespace Gateway.Cli;

/// <summary><c>sla due --region keqiao --start 2026-09-30T16:00:00+08:00 --days 1</c>: asks the running gateway.</summary>
public static class SlaCommand
{
    public static Command Create(CliOptions options)
    {
        var region = new Option<string>("--region") { Description = "Region id, e.g. keqiao", Required = true };
        var start = new Option<string>("--start") { Description = "Start instant, ISO-8601 (Beijing time when no offset)", Required = true };
        var days = new Option<string>("--days") { Description = "Working days, halves allowed (0.5, 1.5)", Required = true };
        var due = new Command("due", "When is a period of working days due?") { region, start, days };
        due.SetAction((parse, ct) => AdminApiClient.RunAsync(parse.GetValue(options.Url), options.TokenOf(parse), async api =>
        {
            var query = $"region={Uri.EscapeDataString(parse.GetValue(region)!)}&start={Uri.EscapeDataString(parse.GetValue(start)!)}&workingDays={Uri.EscapeDataString(parse.GetValue(days)!)}";
            var reply = await api.GetAsync($"/api/sla/due?{query}", ct);
            if (!reply.Ok) return AdminApiClient.Fail(reply);
            Console.WriteLine(parse.GetValue(options.Json) ? reply.Text : reply.Json!["dueAt"]!.ToString());
            return 0;
        }));
        return new Command("sla", "Working-day deadlines") { due };
    }
}

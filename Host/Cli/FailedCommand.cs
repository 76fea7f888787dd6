using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Gateway.Cli;

/// <summary>
/// <c>failed list | groups | show &lt;id&gt; | replay &lt;id&gt;|--group g|--counterpart c | discard &lt;id&gt; --reason r</c>.
/// </summary>
public static class FailedCommand
{
    public static Command Create(CliOptions options)
    {
        var failed = new Command("failed", "Failed messages: inspect, replay, discard");
        failed.Subcommands.Add(List(options));
        failed.Subcommands.Add(Groups(options));
        failed.Subcommands.Add(Show(options));
        failed.Subcommands.Add(Replay(options));
        failed.Subcommands.Add(Discard(options));
        return failed;
    }

    private static Command List(CliOptions options)
    {
        var counterpart = new Option<string?>("--counterpart") { Description = "Only this counterpart id" };
        var reason = new Option<string?>("--reason") { Description = "Only this failure reason" };
        var status = new Option<string?>("--status") { Description = "PENDING, REPLAYING, REPLAYED or DISCARDED" };
        var command = new Command("list", "List failed messages, newest first") { counterpart, reason, status };
        command.SetAction((parse, ct) => AdminApiClient.RunAsync(parse.GetValue(options.Url), options.TokenOf(parse), async api =>
        {
            var query = new List<string> { "pageSize=500" };
            if (parse.GetValue(counterpart) is { } c) query.Add($"counterpartId={Uri.EscapeDataString(c)}");
            if (parse.GetValue(reason) is { } r) query.Add($"reason={Uri.EscapeDataString(r)}");
            if (parse.GetValue(status) is { } s) query.Add($"status={Uri.EscapeDataString(s)}");
            var reply = await api.GetAsync("/api/admin/failed-messages?" + string.Join('&', query), ct);
            if (!reply.Ok) return AdminApiClient.Fail(reply);
            if (parse.GetValue(options.Json)) { Console.WriteLine(reply.Text); return 0; }
            var table = new Table().AddColumns("ID", "COUNTERPART", "STATUS", "TRIES", "REASON", "LAST ERROR");
            table.Columns[3].RightAligned();
            foreach (var column in table.Columns.Take(5)) column.NoWrap();
            foreach (var m in reply.Json!["items"]!.AsArray())
                table.AddRow(Cells(m!["id"], m["counterpartId"], m["status"], m["attempts"], m["reason"], Shorten(m["lastError"]?.ToString())));
            table.Caption($"{reply.Json["total"]} in all");
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Groups(CliOptions options)
    {
        var command = new Command("groups", "Pending failures grouped by counterpart and reason");
        command.SetAction((parse, ct) => AdminApiClient.RunAsync(parse.GetValue(options.Url), options.TokenOf(parse), async api =>
        {
            var reply = await api.GetAsync("/api/admin/failed-messages/groups", ct);
            if (!reply.Ok) return AdminApiClient.Fail(reply);
            if (parse.GetValue(options.Json)) { Console.WriteLine(reply.Text); return 0; }
            var table = new Table().AddColumns("GROUP", "COUNT", "OLDEST", "NEWEST");
            table.Columns[1].RightAligned();
            foreach (var column in table.Columns) column.NoWrap();
            foreach (var g in reply.Json!.AsArray()) table.AddRow(Cells(g!["groupId"], g["count"], g["oldest"], g["newest"]));
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Show(CliOptions options)
    {
        var id = new Argument<string>("id") { Description = "Failed message id" };
        var command = new Command("show", "One failed message with every attempt, the headers and body sent") { id };
        command.SetAction((parse, ct) => AdminApiClient.RunAsync(parse.GetValue(options.Url), options.TokenOf(parse), async api =>
        {
            var reply = await api.GetAsync($"/api/admin/failed-messages/{Uri.EscapeDataString(parse.GetValue(id)!)}", ct);
            if (!reply.Ok) return AdminApiClient.Fail(reply);
            if (parse.GetValue(options.Json)) { Console.WriteLine(reply.Text); return 0; }
            var m = reply.Json!;
            Console.WriteLine($"{m["id"]}  {m["counterpartId"]}  {m["status"]}  reason {m["reason"]}  case {m["caseId"]}");
            foreach (var a in m["attempts"]!.AsArray()) Console.WriteLine($"  {a!["at"]}  {a["error"]}");
            Console.WriteLine(m["body"]?.ToJsonString());
            return 0;
        }));
        return command;
    }

    private static Command Replay(CliOptions options)
    {
        var id = new Argument<string?>("id") { Description = "Failed message id", Arity = ArgumentArity.ZeroOrOne };
        var group = new Option<string?>("--group") { Description = "Replay a whole group (counterpartId~reason)" };
        var counterpart = new Option<string?>("--counterpart") { Description = "Replay every pending failure of a counterpart" };
        var wait = new Option<int>("--wait-seconds")
        {
            Description = "With --group or --counterpart: follow the batch live until it settles, at most this long",
            DefaultValueFactory = _ => 300,
        };
        var command = new Command("replay", "Re-send failed messages with their original ids (same idempotency key)") { id, group, counterpart, wait };
        command.SetAction((parse, ct) => AdminApiClient.RunAsync(parse.GetValue(options.Url), options.TokenOf(parse), async api =>
        {
            var chosen = new[] { parse.GetValue(id), parse.GetValue(group), parse.GetValue(counterpart) }.Count(v => v is not null);
            if (chosen != 1)
            {
                Console.Error.WriteLine("replay: give exactly one of <id>, --group or --counterpart");
                return 2;
            }
            var json = parse.GetValue(options.Json);
            if (parse.GetValue(id) is { } one)
            {
                var single = await api.PostAsync($"/api/admin/failed-messages/{Uri.EscapeDataString(one)}/replay", null, ct);
                if (!single.Ok) return AdminApiClient.Fail(single);
                Console.WriteLine(json ? single.Text : $"queued {single.Json!["queued"]}");
                return 0;
            }
            // A group is counterpartId~reason; a counterpart alone replays all its pending failures.
            var (scope, reason) = parse.GetValue(group) is { } g ? (g.Split('~')[0], g.Split('~').ElementAtOrDefault(1)) : (parse.GetValue(counterpart)!, null);
            var ids = json ? [] : await ReplayProgress.PendingIdsAsync(api, scope, reason, ct);
            var reply = await api.PostAsync("/api/admin/failed-messages/replay", parse.GetValue(group) is { } groupId
                ? new JsonObject { ["groupId"] = groupId }
                : new JsonObject { ["counterpartId"] = scope }, ct);
            if (!reply.Ok) return AdminApiClient.Fail(reply);
            if (json) { Console.WriteLine(reply.Text); return 0; }
            Console.WriteLine($"queued {reply.Json!["queued"]}");
            return ids.Count == 0 ? 0 : await ReplayProgress.FollowAsync(api, scope, ids, TimeSpan.FromSeconds(parse.GetValue(wait)), ct);
        }));
        return command;
    }

    private static Command Discard(CliOptions options)
    {
        var id = new Argument<string>("id") { Description = "Failed message id" };
        var reason = new Option<string>("--reason") { Description = "Why it is discarded (recorded)", Required = true };
        var command = new Command("discard", "Give up on a failed message, with a reason") { id, reason };
        command.SetAction((parse, ct) => AdminApiClient.RunAsync(parse.GetValue(options.Url), options.TokenOf(parse), async api =>
        {
            var reply = await api.PostAsync($"/api/admin/failed-messages/{Uri.EscapeDataString(parse.GetValue(id)!)}/discard",
                new JsonObject { ["reason"] = parse.GetValue(reason) }, ct);
            if (!reply.Ok) return AdminApiClient.Fail(reply);
            Console.WriteLine(parse.GetValue(options.Json) ? reply.Text : $"discarded {parse.GetValue(id)}");
            return 0;
        }));
        return command;
    }

    /// <summary>Table cells as plain text: values from the API are never read as Spectre markup.</summary>
    private static string[] Cells(params object?[] values) => values.Select(v => Markup.Escape(v?.ToString() ?? "-")).ToArray();

    private static string Shorten(string? text) => text is null ? "-" : text.Length > 60 ? text[..60] + "…" : text;
}

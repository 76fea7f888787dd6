using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Gateway.Adapters.Security;

using Gateway.Contracts;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Adapters.Sandbox;

/// <summary>
/// What the SIMULATED counterparts do after acknowledging (docs/lifecycle.md "Sandbox"): departments answer
/// NOT_INVOLVED to the involvement question and APPROVED to the approval; utilities confirm every appointment and report progress step by step, with the
/// clock events a real utility sends on the way (commitment filed, road restored, the applicant's completion request), and
/// connect once their outer works have the go-ahead. They call the gateway's own public endpoints, signed with their own
/// caller keys, exactly as a real counterpart would. Delay per step: <c>Gateway:Sandbox:StepMilliseconds</c> (5000: long enough to watch each state in the case view).
/// </summary>
public sealed class SandboxProgress(SandboxAddress address, ICallerSecrets secrets, SandboxPace pace, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<SandboxProgress> logger)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly string[] WaitingSteps = Steps(WorkProgress.Accepted, WorkProgress.Surveyed, WorkProgress.Designed);
    private static readonly string CommitmentPath = WireName.Of(Contracts.Cases.OuterWorkPath.Commitment);

    /// <summary>Building and connecting: progress steps and, where they apply, the clock events between them.</summary>
    private static string[] BuildSteps(bool goAhead, JsonArray outerWorks)
    {
        var steps = new List<string> { WireName.Of(WorkProgress.Accepted) };
        if (!goAhead) steps.AddRange(Steps(WorkProgress.Surveyed, WorkProgress.Designed));
        if (outerWorks.Any(w => (string?)w!["path"] == CommitmentPath)) steps.Add(WireName.Of(UtilityEvent.CommitmentFiled));
        steps.AddRange(Steps(WorkProgress.Constructing, WorkProgress.Constructed));
        if (outerWorks.Count > 0) steps.Add(WireName.Of(UtilityEvent.RoadRestored));
        steps.Add(WireName.Of(UtilityEvent.CompletionRequested));
        steps.Add(WireName.Of(WorkProgress.Connected));
        return [.. steps];
    }
    private static readonly string Approved = WireName.Of(Decision.Approved);

    private static string[] Steps(params WorkProgress[] steps) => steps.Select(WireName.Of).ToArray();

    private TimeSpan Step => pace.Step;

    /// <summary>Plays the counterpart's part for a dispatch it has just acknowledged (fire and forget; ends with the host).</summary>
    public void Follow(string counterpartId, string orderNo, byte[] document)
    {
        var doc = JsonNode.Parse(document)!;
        var dispatchId = (string)doc["dispatchId"]!;
        var kind = (string?)doc["kind"];
        if (kind == WireName.Of(DispatchKind.PlanningNotice) || kind == WireName.Of(DispatchKind.Rating))
        {
            logger.LogInformation("[SANDBOX] {CounterpartId} noted {Kind} {DispatchId}", counterpartId, kind, dispatchId);
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                // A fee notice asks nothing more: its acknowledgement was the utility's whole part.
                if ((string?)doc["kind"] == WireName.Of(DispatchKind.FeeNotice)) return;
                if ((string?)doc["kind"] == WireName.Of(DispatchKind.ApprovalRequest))
                {
                    await Task.Delay(Step, clock, lifetime.ApplicationStopping);
                    var decision = (string?)doc["question"] == "APPROVAL" ? Approved : WireName.Of(Decision.NotInvolved);
                    await PostAsync(counterpartId, "decisions", new JsonObject
                    {
                        ["eventId"] = $"sbx-{Guid.NewGuid():N}", ["dispatchId"] = dispatchId, ["decision"] = decision,
                        ["permitNo"] = decision == Approved ? $"SBX-PERMIT-{dispatchId[^6..]}" : null, ["at"] = Now(),
                    });
                    return;
                }
                if ((string?)doc["kind"] == WireName.Of(DispatchKind.Appointment))
                {
                    // A simulated utility suits any booked time: it confirms (docs/lifecycle.md, "Booked joint acceptance").
                    await Task.Delay(Step, clock, lifetime.ApplicationStopping);
                    await PostAsync(counterpartId, "appointments", new JsonObject
                    {
                        ["eventId"] = $"sbx-{Guid.NewGuid():N}", ["dispatchId"] = dispatchId, ["answer"] = WireName.Of(AppointmentAnswer.Confirmed),
                        ["at"] = Now(), ["note"] = "沙箱模拟",
                    });
                    return;
                }
                var outerWorks = doc["outerWorks"]?.AsArray() ?? [];
                var steps = doc["relatesTo"] is not null ? BuildSteps(goAhead: true, outerWorks)
                    : outerWorks.All(w => (bool?)w!["goAhead"] != false) ? BuildSteps(goAhead: false, outerWorks) : WaitingSteps;
                foreach (var status in steps)
                {
                    await Task.Delay(Step, clock, lifetime.ApplicationStopping);
                    await PostAsync(counterpartId, "events", new JsonObject
                    {
                        ["eventId"] = $"sbx-{Guid.NewGuid():N}", ["dispatchId"] = dispatchId, ["orderNo"] = orderNo, ["status"] = status,
                        ["at"] = Now(), ["note"] = "沙箱模拟",
                        ["plannedStart"] = status == WireName.Of(UtilityEvent.CommitmentFiled) ? Now()[..10] : null,
                    });
                    if (status == WireName.Of(WorkProgress.Accepted) && doc["relatesTo"] is null)
                        await PostAsync(counterpartId, "fee-quotes", SandboxQuote(dispatchId, (string?)doc["service"]));
                }
            }
            catch (OperationCanceledException)
            {
                // The host is stopping; a simulation has nothing to hand over.
            }
            catch (Exception ex)
            {
                logger.LogWarning("[SANDBOX] {CounterpartId} could not report on {DispatchId}: {Error}", counterpartId, dispatchId, ex.Message);
            }
        });
    }

    /// <summary>
    /// The simulated utility's quote once it has accepted: a meter fee inside the red line for the applicant and the outer
    /// works outside it with the utility as bearer (what every plan that names a bearer allows), in fen.
    /// </summary>
    private static JsonObject SandboxQuote(string dispatchId, string? service) => new()
    {
        ["eventId"] = $"sbx-{Guid.NewGuid():N}", ["dispatchId"] = dispatchId, ["note"] = "沙箱模拟报价",
        ["items"] = new JsonArray(
            new JsonObject
            {
                ["code"] = "METER", ["name"] = $"{service} 表计及红线内安装费（沙箱）", ["amountFen"] = 128_000,
                ["bearer"] = WireName.Of(Contracts.Cases.CostBearer.Applicant), ["scope"] = WireName.Of(FeeScope.InsideRedLine),
            },
            new JsonObject
            {
                ["code"] = "OUTER", ["name"] = $"{service} 红线外接入工程（沙箱）", ["amountFen"] = 2_560_000,
                ["bearer"] = WireName.Of(Contracts.Cases.CostBearer.Utility), ["scope"] = WireName.Of(FeeScope.OutsideRedLine),
            }),
    };

    private async Task PostAsync(string counterpartId, string resource, JsonObject body)
    {
        if (!secrets.TryGetSecret(counterpartId, out var secret)) return;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address.Resolve(), $"/api/counterparts/{counterpartId}/{resource}"))
        {
            Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        await OutboundSigningHandler.SignAsync(request, new SigningCredentials(counterpartId, secret), clock.GetUtcNow(), lifetime.ApplicationStopping);
        using var response = await Http.SendAsync(request, lifetime.ApplicationStopping);
        logger.LogInformation("[SANDBOX] {CounterpartId} reported {What} on {DispatchId}: HTTP {Status}", counterpartId,
            (string?)body["status"] ?? (string?)body["decision"] ?? (string?)body["answer"] ?? resource, (string?)body["dispatchId"], (int)response.StatusCode);
    }

    private string Now() => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
}

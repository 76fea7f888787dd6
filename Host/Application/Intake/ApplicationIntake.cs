using System.Security.Cryptography;
using System.Text.Json;
using Gateway.Adapters.Http;
using Gateway.Application.Callbacks;
using Gateway.Application.Cases;
using Gateway.Application.Configuration;
using Gateway.Application.Deadlines;
using Gateway.Application.Intents;
using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Application.Telemetry;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Identifiers;
using Gateway.Contracts.Intake;
using Gateway.Contracts.Json;
using Gateway.Contracts.Messages;
using Gateway.Routing.Deadlines;
using Gateway.Routing.FanOut;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.OuterWorks;
using Gateway.Routing.Regions;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Application.Intake;

/// <summary>
/// Accepts a validated canonical application: plans the fan-out and commits case, timeline, dispatches and
/// outbox in one transaction (shared with the cases accepted at the same moment, <see cref="IntakeBatcher"/>). The portal application number is the idempotency key; the content hash tells
/// a repeat (200, same receipt) from a conflicting reuse (409). In a region that offers intents an early-stage demand
/// becomes an intent (<see cref="IntentRegistration"/>), and a formal application of a project with an OPEN intent becomes
/// the case that intent converts to, taking over what it leaves out (docs/lifecycle.md, "Intent registration and 免申办").
/// </summary>
public sealed class ApplicationIntake(
    RegionCatalog regions,
    FanOutPlanner planner,
    CalendarHolder calendars,
    ICaseStore store,
    IntakeBatcher inserts,
    OutboxSignal outboxSignal,
    TimeProvider clock,
    GatewayMetrics metrics,
    LifecycleSettings lifecycle,
    IContentHash contentHashes,
    IntentRegistration intentRegistration,
    PortalCallbackTargets callbackTargets,
    ILogger<ApplicationIntake> logger) : IApplicationIntake
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public async Task<IntakeOutcome> AcceptAsync(HookupApplication application, CancellationToken cancellationToken)
    {
        // Twice at most: a lost race for an intent (converted meanwhile by another demand) is answered as that case's repeat.
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await TryAcceptAsync(application, cancellationToken);
            if (outcome is not null || attempt == 1) return outcome ?? throw new InvalidOperationException("intent conversion raced twice");
        }
    }

    private async Task<IntakeOutcome?> TryAcceptAsync(HookupApplication application, CancellationToken cancellationToken)
    {
        using var activity = GatewayTracing.Source.StartActivity("gateway.intake");
        activity?.SetTag("gateway.portal", application.Portal);
        activity?.SetTag("gateway.portal_application_no", application.PortalApplicationNo);
        var applicationJson = JsonSerializer.Serialize(application, GatewayJson.Options);
        var region = regions.ResolveByAdminCode(application.AdminCode)
            ?? throw new InvalidOperationException($"admin code {application.AdminCode} passed validation but has no region");
        // The repeat check and, where the region offers intents, the project's intent: one read.
        var (existing, intent) = await store.FindCaseAndIntentAsync(application.Portal, application.PortalApplicationNo,
            region.Intent is null ? null : region.Id, application.Project.Code, cancellationToken);
        if (existing is not null) return Repeat(existing, applicationJson);
        var contentHash = contentHashes.Of(applicationJson);

        if (region.Intent is not null && IntentRules.IsEarly(application.Stage))
            return await intentRegistration.RegisterAsync(application, region, intent, cancellationToken);
        if (intent is { Status: IntentStatus.Converted, CaseId: { } convertedTo })
            return await RepeatOfConvertedAsync(convertedTo, intent.IntentId, cancellationToken);
        IReadOnlyList<string> takenOver = [];
        var storedJson = applicationJson;
        if (intent is not null)
        {
            // The case's application: the later demand, with what it leaves out taken over from the intent.
            (application, takenOver) = IntentRules.Merge(JsonSerializer.Deserialize<HookupApplication>(intent.ApplicationJson, GatewayJson.Options)!, application);
            storedJson = JsonSerializer.Serialize(application, GatewayJson.Options);
        }
        // Whole milliseconds: what the store keeps, so receipt and case view agree to the digit.
        var acceptedAt = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds()).ToOffset(Beijing);
        var outerWorkDecisions = application.OuterWorks.Select(w => OuterWorkPathDecider.Decide(w, region)).ToList();
        var plan = planner.Plan(application, region, acceptedAt, calendars.Calculator, outerWorkDecisions);
        var caseId = CaseNumber.New(region.Id, acceptedAt);
        var policy = CasePolicyFactory.Create(application, region, outerWorkDecisions, caseId, acceptedAt);
        var receiptNo = $"SL{acceptedAt:yyyyMMdd}{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        var now = acceptedAt.ToUnixTimeMilliseconds();

        var dispatches = plan.Select((p, i) => NewDispatch.From(p, caseId, i, now, lifecycle)).ToList();

        var receipt = new IntakeReceipt(caseId, receiptNo, application.Portal, application.PortalApplicationNo, region.Id,
            acceptedAt, Duplicate: false,
            dispatches.Select(d => new ReceiptDispatch(d.DispatchId, d.CounterpartId, WireName.Of(d.Kind),
                d.Timed ? DateTimeOffset.FromUnixTimeMilliseconds(d.DueAt).ToOffset(Beijing) : null)).ToList(), intent?.IntentId);

        var timeline = new List<TimelineEntry>
        {
            new(now, TimelineType.Accepted, $"portal:{application.Portal}",
                $"受理回执 {receiptNo}；派发 {dispatches.Count} 项：{string.Join("、", dispatches.Select(d => d.CounterpartId))}"),
        };
        if (intent is not null) timeline.Add(IntentRules.Linked(intent.IntentId, takenOver, $"portal:{application.Portal}", now));
        timeline.AddRange(dispatches.Where(d => d.DueProvisional).Select(d => new TimelineEntry(now, TimelineType.DueProvisional, "gateway",
            $"{d.CounterpartId} 的期限跨入尚未发布的年度工作日历，暂按周一至周五计算，发布后重算", d.DispatchId)));

        foreach (var work in policy.OuterWorks)
        {
            timeline.Add(new TimelineEntry(now, TimelineType.OuterWorkPath, "gateway", CasePolicyFactory.Describe(work)));
            if (work.CommitmentReceiptNo is { } no)
                timeline.Add(new TimelineEntry(now, TimelineType.CommitmentReceiptIssued, "gateway",
                    $"{region.CommitmentReceiptTitle}{no}（{WireName.Of(work.Service)}），外线工程可按承诺开工" +
                    (region.SlaOrNull(SlaStep.CommitmentFiling) is { } filing ? $"；须在开工前 {filing} 个工作日向行政审批服务部门备案并报送施工方案" : "")));
        }
        if (policy.JointConstructionGroupId is { } group)
            timeline.Add(new TimelineEntry(now, TimelineType.JointConstruction, "gateway",
                $"联合施工组 {group}：{string.Join("、", policy.OuterWorks.Select(w => WireName.Of(w.Service)).Distinct())} 外线工程同沟共建（最多挖一次）"));

        var outbox = dispatches.Select(d => SendDispatchMessage.For(d, now)).ToList();

        var row = new CaseRow
        {
            CaseId = caseId,
            Portal = application.Portal,
            PortalApplicationNo = application.PortalApplicationNo,
            ContentHash = contentHash,
            Region = region.Id,
            Zone = application.Zone,
            Status = CaseStatus.Accepted,
            ReceiptNo = receiptNo,
            AcceptedAt = now,
            UpdatedAt = now,
            ApplicationJson = storedJson,
            ReceiptJson = JsonSerializer.Serialize(receipt, GatewayJson.Options),
        };

        var callbacks = new List<PortalCallbackRow>();
        void Notify(DispatchRow? dispatch, string @event, string detail)
        {
            var (callback, message) = PortalCallbacks.Create(callbackTargets, row, dispatch, @event, now, detail);
            callbacks.Add(callback);
            if (message is not null) outbox.Add(message);
        }
        Notify(null, PortalEventNames.Accepted, $"受理回执 {receiptNo}");
        foreach (var work in policy.OuterWorks.Where(w => w.CommitmentReceiptNo is not null))
            Notify(dispatches.FirstOrDefault(d => d.Service == WireName.Of(work.Service)), PortalEventNames.CommitmentReceipt,
                $"告知承诺回执 {work.CommitmentReceiptNo}");
        var newCase = new NewCase(row, dispatches, timeline, outbox, callbacks, JsonSerializer.Serialize(policy, GatewayJson.Options),
            intent is null ? null : new IntentConversion(intent.IntentId, IntentRules.Converted(caseId, $"portal:{application.Portal}", now)));
        bool inserted;
        using (var storeSpan = GatewayTracing.Source.StartActivity("gateway.store.insert_case"))
        {
            storeSpan?.SetTag("gateway.case_id", caseId);
            // Committed with whatever other cases are being accepted at the same moment (IntakeBatcher).
            inserted = await inserts.RunAsync(newCase, cancellationToken);
        }
        if (!inserted)
        {
            // Lost a race with an identical concurrent push: answer as for any repeat. Or the intent was converted meanwhile by
            // another demand of the project: the caller tries again and is answered with that case.
            existing = await store.FindCaseByPortalApplicationAsync(application.Portal, application.PortalApplicationNo, cancellationToken);
            return existing is null ? null : Repeat(existing, applicationJson);
        }

        outboxSignal.Notify();
        activity?.SetTag("gateway.case_id", caseId);
        metrics.CaseAccepted(application.Portal, region.Id);
        logger.LogInformation("Accepted {Portal} application {PortalApplicationNo} as case {CaseId} in {Region} with {DispatchCount} dispatches",
            application.Portal, application.PortalApplicationNo, caseId, region.Id, dispatches.Count);
        return new IntakeOutcome(IntakeResultKind.Created, receipt);
    }

    /// <summary>
    /// A formal application of a project whose intent already became a case (the owner confirmed, or an earlier demand): the
    /// project has its one case; the answer is that case's receipt, marked as a repeat.
    /// </summary>
    private async Task<IntakeOutcome> RepeatOfConvertedAsync(string caseId, string intentId, CancellationToken cancellationToken)
    {
        var @case = await store.GetCaseAsync(caseId, cancellationToken)
            ?? throw new InvalidOperationException($"intent {intentId} names case {caseId}, which does not exist");
        logger.LogInformation("Formal application for the project of intent {IntentId} answered with its case {CaseId}", intentId, caseId);
        var original = JsonSerializer.Deserialize<IntakeReceipt>(@case.ReceiptJson, GatewayJson.Options)!;
        return new IntakeOutcome(IntakeResultKind.Duplicate, original with { Duplicate = true });
    }

    private IntakeOutcome Repeat(CaseRow existing, string applicationJson)
    {
        if (!contentHashes.Matches(existing.ContentHash, applicationJson))
        {
            logger.LogWarning("{Portal} application {PortalApplicationNo} reused with different content (case {CaseId})",
                existing.Portal, existing.PortalApplicationNo, existing.CaseId);
            return new IntakeOutcome(IntakeResultKind.Conflict, null, existing.CaseId);
        }
        var original = JsonSerializer.Deserialize<IntakeReceipt>(existing.ReceiptJson, GatewayJson.Options)!;
        return new IntakeOutcome(IntakeResultKind.Duplicate, original with { Duplicate = true });
    }
}

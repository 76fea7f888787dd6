using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// The delivery of one dispatch (docs/lifecycle.md): a send takes it (SENT, under a lease), the counterpart's order
/// number acknowledges it, an exhausted send files it FAILED for an operator, recovery or a replay queues it again, and
/// the case is DISPATCHED once every dispatch has its receipt. The store claims rows with these status sets and
/// writes what these functions return — no status or timeline text is decided in SQL.
/// </summary>
public static class DeliveryRules
{
    /// <summary>A send may start from these (or from SENT whose lease has run out or whose holder stopped beating: its sender is gone).</summary>
    public static readonly DispatchStatus[] Sendable = [DispatchStatus.Pending];
    /// <summary>Recovery re-queues these once their lease has run out (a crash mid-send, a message lost with an in-memory bus).</summary>
    public static readonly DispatchStatus[] Requeueable = [DispatchStatus.Pending, DispatchStatus.Sent];
    /// <summary>An order number is taken from these (a late receipt of a FAILED send still counts).</summary>
    public static readonly DispatchStatus[] Acknowledgeable = [DispatchStatus.Pending, DispatchStatus.Sent, DispatchStatus.Failed];
    /// <summary>A failed send files these FAILED; a dispatch acknowledged meanwhile stays acknowledged.</summary>
    public static readonly DispatchStatus[] Failable = [DispatchStatus.Pending, DispatchStatus.Sent];
    /// <summary>Still without a receipt: while any is, the case is not DISPATCHED.</summary>
    public static readonly DispatchStatus[] Undelivered = [DispatchStatus.Pending, DispatchStatus.Sent, DispatchStatus.Failed];
    /// <summary>Still owing its step: the deadline runs (until <c>met_at</c> is set or the dispatch is settled).</summary>
    public static readonly DispatchStatus[] Open =
        [DispatchStatus.Pending, DispatchStatus.Sent, DispatchStatus.Acknowledged, DispatchStatus.InProgress, DispatchStatus.Failed];

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>
    /// A notice tells a utility something and asks nothing (what was paid for its part of the fee list, an intent's planning
    /// notice, a rating): its receipt settles it (DONE), it runs no clock, never decides DISPATCHED or CLOSED, and the
    /// portal hears nothing of it.
    /// </summary>
    public static bool IsNotice(DispatchKind kind) => kind is DispatchKind.FeeNotice or DispatchKind.PlanningNotice or DispatchKind.Rating;

    /// <summary>A notice's receipt: settled at once (also for an intent's notices, which belong to no case).</summary>
    public static CaseEffects AcknowledgeNotice(DispatchRow subject, string orderNo, string actor, long now)
    {
        var effects = new CaseEffects();
        if (!Acknowledgeable.Contains(subject.Status)) return effects;
        effects.DispatchChanges.Add(new DispatchChange(subject.DispatchId, DispatchStatus.Done, subject.Progress, Met: true,
            ExternalRef: orderNo, ClearError: true));
        effects.Timeline.Add(new TimelineEntry(now, TimelineType.DispatchAcknowledged, actor, $"回执单号 {orderNo}", subject.DispatchId));
        effects.SettleReplayOf = subject.DispatchId;
        return effects;
    }

    /// <summary>The timeline entry of a send that took the dispatch (<paramref name="attempts"/> counts this one).</summary>
    public static TimelineEntry Sending(string dispatchId, string counterpartId, long attempts, long at) =>
        new(at, TimelineType.DispatchSent, "gateway",
            attempts > 1 ? $"再次发送至 {counterpartId}（第 {attempts} 次）" : $"发送至 {counterpartId}", dispatchId);

    /// <summary>
    /// The counterpart's order number for <paramref name="subject"/>: its receipt, the portal's DISPATCH_RECEIPT callback, a
    /// replay settled, and DISPATCHED when it was the last receipt the case waited for.
    /// </summary>
    public static CaseEffects Acknowledge(CaseRow @case, IReadOnlyList<DispatchRow> dispatches, DispatchRow subject, string orderNo,
        string actor, long now)
    {
        if (IsNotice(subject.Kind)) return AcknowledgeNotice(subject, orderNo, actor, now);
        var effects = new CaseEffects();
        if (!Acknowledgeable.Contains(subject.Status)) return effects;
        effects.DispatchChanges.Add(new DispatchChange(subject.DispatchId, DispatchStatus.Acknowledged, subject.Progress, Met: false,
            ExternalRef: orderNo, ClearError: true));
        effects.Timeline.Add(new TimelineEntry(now, TimelineType.DispatchAcknowledged, actor, $"回执单号 {orderNo}", subject.DispatchId));
        // Only a dispatch that failed has a failed message an operator may be replaying (a failure sets its last error,
        // the acknowledgement clears it): the others need no settling statement.
        if (subject.LastError is not null) effects.SettleReplayOf = subject.DispatchId;
        effects.Callbacks.Add((PortalEventNames.DispatchReceipt, subject, $"{subject.CounterpartId} 回执单号 {orderNo}"));
        var othersDelivered = dispatches.Where(d => d.DispatchId != subject.DispatchId && !IsNotice(d.Kind)).All(d => !Undelivered.Contains(d.Status));
        if (@case.Status == CaseStatus.Accepted && othersDelivered)
        {
            effects.CaseStatus = CaseStatus.Dispatched;
            effects.Timeline.Add(new TimelineEntry(now, TimelineType.Dispatched, "gateway", "全部派单已获回执"));
        }
        return effects;
    }

    /// <summary>
    /// Several acknowledgements of one case decided from one snapshot, in turn: each sees those before it (their dispatches
    /// acknowledged, the case DISPATCHED once the last receipt is in), as recording them one after the other would. Lets a
    /// batch take a case's receipts together instead of one transaction each (docs/performance.md). An acknowledgement of a
    /// dispatch the snapshot lacks decides nothing (null).
    /// </summary>
    public static IReadOnlyList<InTurn?> AcknowledgeInTurn(CaseRow @case, IReadOnlyList<DispatchRow> dispatches,
        IReadOnlyList<(string DispatchId, string OrderNo, string Actor, long Now)> acknowledgements)
    {
        var decided = new List<InTurn?>(acknowledgements.Count);
        foreach (var (dispatchId, orderNo, actor, now) in acknowledgements)
        {
            if (dispatches.FirstOrDefault(d => d.DispatchId == dispatchId) is not { } subject)
            {
                decided.Add(null);
                continue;
            }
            var effects = Acknowledge(@case, dispatches, subject, orderNo, actor, now);
            decided.Add(new InTurn(@case, dispatches, effects));
            if (effects.DispatchChanges.Count > 0)
                dispatches = dispatches.Select(d => effects.DispatchChanges.FirstOrDefault(c => c.DispatchId == d.DispatchId) is { } change
                    ? d.After(change, now) : d).ToList();
            if (effects.CaseStatus is { } status) @case = @case.With(status, now);
        }
        return decided;
    }

    /// <summary>One decision of <see cref="AcknowledgeInTurn"/>: the case and dispatches as it saw them, and its effects.</summary>
    public sealed record InTurn(CaseRow Case, IReadOnlyList<DispatchRow> Dispatches, CaseEffects Effects);

    public static TimelineEntry Failed(string dispatchId, string counterpartId, string reason, long at) =>
        new(at, TimelineType.DispatchFailed, "gateway", $"{counterpartId}: {reason}", dispatchId);

    public static TimelineEntry Requeued(DispatchRow d, long at) =>
        new(at, TimelineType.DispatchRequeued, "gateway", $"{d.CounterpartId} 未确认（发送实例已失联或租期已过），按原幂等键重新派发", d.DispatchId);

    public static TimelineEntry Replayed(DispatchRow d, string operatorName, long at) =>
        new(at, TimelineType.DispatchReplayed, $"operator:{operatorName}", $"重新派发至 {d.CounterpartId}（原幂等键）", d.DispatchId);

    public static TimelineEntry Discarded(string dispatchId, string operatorName, string reason, long at) =>
        new(at, TimelineType.DispatchDiscarded, $"operator:{operatorName}", reason, dispatchId);

    public static TimelineEntry DeadlineWarning(DispatchRow d, long at) =>
        new(at, TimelineType.DeadlineWarning, "gateway", $"{d.CounterpartId} 的办理时限即将届满（截止 {Local(d.DueAt):yyyy-MM-dd HH:mm}）", d.DispatchId);

    /// <summary>A missed deadline: the timeline entry and the detail of the portal's OVERDUE callback.</summary>
    public static (TimelineEntry Entry, string CallbackEvent, string Detail) DeadlineMissed(DispatchRow d, long at)
    {
        var detail = $"{d.CounterpartId} 逾期：应于 {Local(d.DueAt):yyyy-MM-dd HH:mm} 前办结";
        return (new TimelineEntry(at, TimelineType.DeadlineMissed, "gateway", detail, d.DispatchId), PortalEventNames.Overdue, detail);
    }

    public static TimelineEntry DueRecomputed(string dispatchId, long dueAt, bool provisional, long at) =>
        new(at, TimelineType.DueRecomputed, "gateway",
            $"工作日历已更新，截止时间重算为 {Local(dueAt):yyyy-MM-dd HH:mm}{(provisional ? "（仍为暂定）" : "")}", dispatchId);

    private static DateTimeOffset Local(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(Beijing);
}

using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Gateway.Routing.Lifecycle;

namespace Gateway.UnitTests.Cases;

/// <summary>
/// A batch's acknowledgements of one case decided in turn from one snapshot (<see cref="DeliveryRules.AcknowledgeInTurn"/>):
/// the same decisions as recording them one after the other.
/// </summary>
public sealed class DeliveryRulesInTurnTests
{
    private static readonly CaseRow Case = new() { CaseId = "c-1", Status = CaseStatus.Accepted };

    private static List<DispatchRow> Dispatches(int count) => Enumerable.Range(0, count).Select(i => new DispatchRow
    {
        DispatchId = $"d-{i}", CaseId = "c-1", Ordinal = i, CounterpartId = $"utility-{i}", Kind = DispatchKind.WorkOrder, Service = "water",
        Status = DispatchStatus.Sent, LastError = i == 0 ? "HTTP 503" : null, DueAt = DispatchRow.NoDue,
    }).ToList();

    [Fact]
    public void Each_acknowledgement_sees_those_before_it_and_only_the_last_receipt_makes_the_case_dispatched()
    {
        var dispatches = Dispatches(3);
        var decided = DeliveryRules.AcknowledgeInTurn(Case, dispatches,
            [("d-2", "ORD-2", "counterpart:utility-2", 10), ("d-0", "ORD-0", "counterpart:utility-0", 11), ("d-1", "ORD-1", "counterpart:utility-1", 12)]);

        Assert.Equal(3, decided.Count);
        Assert.All(decided, d => Assert.Equal(DispatchStatus.Acknowledged, Assert.Single(d!.Effects.DispatchChanges).Status));
        Assert.All(decided, d => Assert.Equal(PortalEventNames.DispatchReceipt, Assert.Single(d!.Effects.Callbacks).Event));
        Assert.Equal([null, null, CaseStatus.Dispatched], decided.Select(d => d!.Effects.CaseStatus));
        Assert.Single(decided.SelectMany(d => d!.Effects.Timeline), t => t.Type == TimelineType.Dispatched);
        // The third saw the first two acknowledged (order numbers, errors cleared) and the case still ACCEPTED.
        var third = decided[2]!;
        Assert.Equal(CaseStatus.Accepted, third.Case.Status);
        Assert.Equal(["ORD-0", null, "ORD-2"], third.Dispatches.Select(d => d.ExternalRef));
        Assert.Equal([DispatchStatus.Acknowledged, DispatchStatus.Sent, DispatchStatus.Acknowledged], third.Dispatches.Select(d => d.Status));
        Assert.Null(third.Dispatches[0].LastError);
        Assert.Equal(11, third.Dispatches[0].AcknowledgedAt);
        // Nothing handed in was changed: the snapshot is the store's read, and the first decision saw it as read.
        Assert.All(dispatches, d => Assert.Equal(DispatchStatus.Sent, d.Status));
        Assert.Equal("HTTP 503", dispatches[0].LastError);
        Assert.Same(dispatches, decided[0]!.Dispatches);
        Assert.Equal(CaseStatus.Accepted, Case.Status);
    }

    [Fact]
    public void A_second_acknowledgement_of_a_dispatch_decides_nothing_and_an_unknown_dispatch_is_skipped()
    {
        var decided = DeliveryRules.AcknowledgeInTurn(Case, Dispatches(2),
            [("d-0", "ORD-0", "a", 10), ("d-0", "ORD-0", "a", 11), ("d-9", "ORD-9", "a", 12), ("d-1", "ORD-1", "a", 13)]);

        Assert.Single(decided[0]!.Effects.DispatchChanges);
        Assert.Empty(decided[1]!.Effects.DispatchChanges);
        Assert.Empty(decided[1]!.Effects.Timeline);
        Assert.Empty(decided[1]!.Effects.Callbacks);
        Assert.Null(decided[2]);
        Assert.Equal(CaseStatus.Dispatched, decided[3]!.Effects.CaseStatus);
    }
}

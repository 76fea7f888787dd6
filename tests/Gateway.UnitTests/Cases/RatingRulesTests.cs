using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Lifecycle;

namespace Gateway.UnitTests.Cases;

/// <summary>When a service may be rated, who hears of it, and how a notice's receipt settles it.</summary>
public sealed class RatingRulesTests
{
    private static DispatchRow Order(string counterpart, ServiceType service, WorkProgress? progress, string id = "") => new()
    {
        DispatchId = id == "" ? $"dsp-{counterpart}-{Guid.NewGuid():N}" : id, CaseId = "c-1", CounterpartId = counterpart,
        Kind = DispatchKind.WorkOrder, Service = WireName.Of(service), Status = progress == WorkProgress.Connected ? DispatchStatus.Done : DispatchStatus.Acknowledged,
        Progress = progress is { } p ? WireName.Of(p) : null, DueAt = DispatchRow.NoDue,
    };

    [Fact]
    public void A_connected_service_is_rated_and_goes_to_its_utility()
    {
        var (verdict, utilities) = RatingRules.Decide([Order("ninghe-water", ServiceType.Water, WorkProgress.Connected), Order("ninghe-power", ServiceType.Power, null)],
            ServiceType.Water, null, 5, null);
        Assert.Equal(RatingRules.Verdict.Accept, verdict);
        Assert.Equal(["ninghe-water"], utilities);
    }

    [Fact]
    public void Network_waits_for_every_carrier()
    {
        var orders = new[] { Order("ninghe-cmcc", ServiceType.Network, WorkProgress.Connected), Order("ninghe-cucc", ServiceType.Network, WorkProgress.Constructing) };
        Assert.Equal(RatingRules.Verdict.NotConnected, RatingRules.Decide(orders, ServiceType.Network, null, 4, null).Verdict);
    }

    [Fact]
    public void Not_requested_repeated_and_changed_ratings_are_told_apart()
    {
        var orders = new[] { Order("ninghe-water", ServiceType.Water, WorkProgress.Connected) };
        var existing = new ServiceRating(ServiceType.Water, 5, "好", DateTimeOffset.UnixEpoch, ["ninghe-water"]);
        Assert.Equal(RatingRules.Verdict.NotRequested, RatingRules.Decide(orders, ServiceType.Gas, null, 5, null).Verdict);
        Assert.Equal(RatingRules.Verdict.Repeat, RatingRules.Decide(orders, ServiceType.Water, existing, 5, "好").Verdict);
        Assert.Equal(RatingRules.Verdict.AlreadyRated, RatingRules.Decide(orders, ServiceType.Water, existing, 4, "好").Verdict);
    }

    [Fact]
    public void A_notice_is_settled_by_its_receipt_without_a_callback_or_a_case_status()
    {
        var notice = new DispatchRow { DispatchId = "dsp-1", CaseId = "c-1", CounterpartId = "ninghe-water", Kind = DispatchKind.Rating, Status = DispatchStatus.Sent, DueAt = DispatchRow.NoDue };
        var @case = new CaseRow { CaseId = "c-1", Status = CaseStatus.Accepted };
        var effects = DeliveryRules.Acknowledge(@case, [notice], notice, "ORD-1", "counterpart:ninghe-water", 1);
        var change = Assert.Single(effects.DispatchChanges);
        Assert.Equal(DispatchStatus.Done, change.Status);
        Assert.Empty(effects.Callbacks);
        Assert.Null(effects.CaseStatus);
        Assert.Equal(TimelineType.DispatchAcknowledged, Assert.Single(effects.Timeline).Type);
    }
}

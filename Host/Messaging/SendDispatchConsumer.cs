using System.Diagnostics;
using System.Text.Json;
using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Counterparts.Rest;
using Gateway.Adapters.Http;
using Gateway.Application.Callbacks;
using Gateway.Application.Configuration;
using Gateway.Application.Outbox;
using Gateway.Application.Store;
using Gateway.Application.Telemetry;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Json;
using Gateway.Contracts.Messages;
using Gateway.Application.Instances;
using Gateway.Routing.Lifecycle;
using MassTransit;

using Gateway.Contracts.Lifecycle;

namespace Gateway.Messaging;

/// <summary>
/// Sends one dispatch to its counterpart and records the outcome: the counterpart's order number as the
/// dispatch receipt, or the failure in the failed-message store. A redelivered message for a dispatch that
/// is already acknowledged does nothing, and the dispatch id is always the idempotency key.
/// </summary>
public sealed class SendDispatchConsumer(
    IDispatchStore store,
    TakeBatcher takes,
    AcknowledgementBatcher acknowledgements,
    IFeeListStore fees,
    IBookingStore bookings,
    IIntentStore intents,
    IRatingStore ratings,
    IParkedRowStore parked,
    IInstanceStore instances,
    ICounterpartDirectory directory,
    RestCounterpartClient client,
    TimeProvider clock,
    GatewayMetrics metrics,
    GatewaySettings settings,
    ParsedCaseDocuments parsed,
    ILogger<SendDispatchConsumer> logger) : IConsumer<SendDispatch>
{
    public async Task Consume(ConsumeContext<SendDispatch> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;

        CounterpartEndpoint endpoint;
        try
        {
            endpoint = directory.Resolve(message.CounterpartId);
        }
        catch (InvalidOperationException ex)
        {
            await RecordFailureAsync(message.DispatchId, message.CaseId, message.CounterpartId, "NOT_CONFIGURED", ex.Message, message, null, ct);
            return;
        }

        // One statement (shared with the other takes waiting) takes the dispatch (SENT under this instance's lease) and reads
        // what the work order is built from; the outcome is then recorded in one transaction, shared too (docs/performance.md).
        var take = await takes.RunAsync(new TakeBatcher.Request(message.DispatchId), ct);
        if (take is null)
        {
            logger.LogInformation("Dispatch {DispatchId} needs no sending (acknowledged, failed, unknown, or being sent by a live instance); message {MessageId} ignored",
                message.DispatchId, context.MessageId);
            return;
        }
        var dispatch = take.Dispatch;
        // An intent's planning notice: the intent holds the application, not a case (docs/lifecycle.md, "Intent registration").
        var intent = IntentRow.IsIntentId(dispatch.CaseId) ? await intents.GetIntentAsync(dispatch.CaseId, ct) : null;
        if (AsCase(intent) is { } intentCase) take = take with { Case = intentCase };
        var @case = take.Case;

        // Personal data that does not open (a lost key, a value tampered with or copied from another record) or an
        // application that does not read: no work order can be built. Fail the dispatch for operators (not re-queued
        // for ever) and park the case with the reason; the consumer goes on with other messages.
        var application = ReadApplication(@case, out var unreadable);
        if (application is null)
        {
            await parked.ParkAsync(new ParkedRow
            {
                Kind = ParkedRowKind.Case, RowId = @case.CaseId, CaseId = @case.CaseId, Reason = ParkedReason.UnreadableData,
                Detail = unreadable!, ParkedAt = Now(),
            }, ct);
            await RecordFailureAsync(dispatch, UnreadableData, "the case's stored application does not read: " + unreadable, message, null, ct);
            return;
        }

        var actor = endpoint.Sandbox ? $"counterpart:{dispatch.CounterpartId} (sandbox)" : $"counterpart:{dispatch.CounterpartId}";
        try
        {
            // Renewed while the send runs (retries can take longer than the lease): a slow counterpart is no reason for
            // another instance to send too. Only this instance's death is (its heartbeat stops).
            await using (LeaseRenewal.Start(settings.DispatchLease, async c =>
                         {
                             if (!await instances.RenewDispatchLeaseAsync(dispatch.DispatchId, Now() + (long)settings.DispatchLease.TotalMilliseconds, c))
                                 logger.LogWarning("Dispatch {DispatchId}: this instance no longer holds its send lease", dispatch.DispatchId);
                         }, logger, dispatch.DispatchId))
                await SendAndRecordAsync(take, application, endpoint, actor, message, intent?.StageName, ct);
        }
        catch (JsonException ex)
        {
            // Stored data of the case that does not read (its policy, say): retrying cannot help. Fail the dispatch for
            // operators and park the case instead of releasing it to be re-sent and fail again for ever.
            await parked.ParkAsync(new ParkedRow
            {
                Kind = ParkedRowKind.Case, RowId = @case.CaseId, CaseId = @case.CaseId, Reason = ParkedReason.UnreadableData, Detail = ex.Message, ParkedAt = Now(),
            }, ct);
            await RecordFailureAsync(dispatch, UnreadableData, "the case's stored data does not read: " + ex.Message, message, null, ct);
        }
        catch (Exception ex)
        {
            // Our own error (store, bug), or the send cut short (shutdown, the broker connection lost), not the counterpart's
            // answer: release the lease so the bus's redelivery or stalled-dispatch recovery sends it now, not after the lease.
            if (ex is OperationCanceledException && ct.IsCancellationRequested)
                logger.LogWarning("Sending dispatch {DispatchId} was cut short; releasing it", dispatch.DispatchId);
            else
                logger.LogError(ex, "Sending dispatch {DispatchId} failed inside the gateway; releasing it for a retry", dispatch.DispatchId);
            await ReleaseLeaseAsync(dispatch.DispatchId);
            throw;
        }
    }

    private async Task ReleaseLeaseAsync(string dispatchId)
    {
        if (await TryReleaseLeaseAsync(dispatchId)) return;
        // The store is down too (e.g. restarting). The bus's redeliveries may meet the lease still held by this live instance
        // and be ignored, so keep trying in the background: once released, stalled-dispatch recovery sends it at once,
        // not after the lease. Should this process die first, its stale heartbeat frees the lease instead.
        _ = Task.Run(async () =>
        {
            foreach (var seconds in ReleaseRetrySeconds)
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds));
                if (await TryReleaseLeaseAsync(dispatchId)) return;
            }
        });
    }

    private static readonly int[] ReleaseRetrySeconds = [1, 1, 2, 4, 8, 15, 30, 60];

    private async Task<bool> TryReleaseLeaseAsync(string dispatchId)
    {
        try
        {
            await store.ReleaseDispatchLeaseAsync(dispatchId, CancellationToken.None);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning("Could not release the send lease of dispatch {DispatchId}: {Error}", dispatchId, ex.Message);
            return false;
        }
    }

    /// <summary>The failed-message reason of a dispatch whose case cannot be read (also the parked case's reason).</summary>
    public static readonly string UnreadableData = WireName.Of(ParkedReason.UnreadableData);

    private HookupApplication? ReadApplication(CaseRow @case, out string? problem)
    {
        problem = @case.Unreadable;
        if (problem is not null) return null;
        try
        {
            var application = parsed.Application(@case.CaseId, @case.ApplicationJson);
            if (application is null) problem = "the stored application is empty";
            return application;
        }
        catch (JsonException ex)
        {
            problem = "the stored application is not valid JSON: " + ex.Message;
            return null;
        }
    }

    /// <summary>An intent as the sender needs it (its planning notices are sent like any dispatch): id, region, zone, application.</summary>
    private static CaseRow? AsCase(IntentRow? intent) => intent is null ? null : new CaseRow
    {
        CaseId = intent.IntentId, Portal = intent.Portal, PortalApplicationNo = intent.PortalApplicationNo, Region = intent.Region,
        Zone = JsonSerializer.Deserialize<HookupApplication>(intent.ApplicationJson, GatewayJson.Options)?.Zone,
        ApplicationJson = intent.ApplicationJson, Unreadable = intent.Unreadable,
    };

    private async Task SendAndRecordAsync(DispatchTake take, HookupApplication application, CounterpartEndpoint endpoint,
        string actor, SendDispatch message, string? stage, CancellationToken ct)
    {
        var (dispatch, @case) = (take.Dispatch, take.Case);
        var (policy, jointCounterparts) = DispatchPolicyOf(take);
        var appointment = dispatch.Kind == DispatchKind.Appointment ? await AppointmentAsync(dispatch, ct) : null;
        var rating = dispatch.Kind == DispatchKind.Rating && await ratings.GetRatingOfNoticeAsync(dispatch.DispatchId, ct) is { } r
            ? new RatingNotice(r.Score, r.Comment, r.At) : null;
        var document = DispatchDocumentBuilder.Build(application, new DispatchContext(
            dispatch.DispatchId, dispatch.CaseId, @case.Region, @case.Zone, dispatch.Kind,
            dispatch.Service is null ? null : WireName.Parse<ServiceType>(dispatch.Service),
            dispatch.CounterpartId, dispatch.Timed ? DateTimeOffset.FromUnixTimeMilliseconds(dispatch.DueAt).ToOffset(TimeSpan.FromHours(8)) : null,
            dispatch.Question, dispatch.RelatedDispatchId, appointment, stage, rating), policy, jointCounterparts);
        if (dispatch.Kind == DispatchKind.FeeNotice) document = document with { FeePaid = await FeePaidAsync(dispatch, ct) };

        var started = Stopwatch.GetTimestamp();
        // Under MassTransit's consume span when it has one; else continuing the intake's trace carried by the message.
        using var activity = Activity.Current is null
            ? GatewayTracing.StartContinuing("gateway.dispatch.send", ActivityKind.Internal, message.TraceParent)
            : GatewayTracing.Source.StartActivity("gateway.dispatch.send");
        activity?.SetTag("gateway.dispatch_id", dispatch.DispatchId);
        activity?.SetTag("gateway.counterpart", dispatch.CounterpartId);
        var result = await client.SendAsync(endpoint, document, ct);
        activity?.SetTag("gateway.outcome", result.Outcome.ToString());
        metrics.DispatchFinished(dispatch.CounterpartId, result.Outcome.ToString(), Stopwatch.GetElapsedTime(started), Math.Max(1, result.Attempts.Count));

        if (result.Outcome == DispatchOutcome.Acknowledged)
        {
            await acknowledgements.RunAsync(new Acknowledgement(take.Sending, result.OrderNo!, Now(), actor), ct);
            logger.LogDebug("Dispatch {DispatchId} acknowledged by {CounterpartId} as {OrderNo}", dispatch.DispatchId, dispatch.CounterpartId, result.OrderNo);
            return;
        }
        // A send cut short because this host is stopping is not the counterpart's failure: leave the dispatch to its lease,
        // so recovery after the restart sends it again instead of filing it as failed.
        ct.ThrowIfCancellationRequested();
        await RecordFailureAsync(dispatch, result.Reason!, result.Error!, message, take.Sending, ct, result);
    }

    private Task RecordFailureAsync(DispatchRow dispatch, string reason, string error, SendDispatch message, DispatchSending? sending,
        CancellationToken ct, DispatchResult? result = null) =>
        RecordFailureAsync(dispatch.DispatchId, dispatch.CaseId, dispatch.CounterpartId, reason, error, message, sending, ct, result);

    private async Task RecordFailureAsync(string dispatchId, string caseId, string counterpartId, string reason, string error, SendDispatch message,
        DispatchSending? sending, CancellationToken ct, DispatchResult? result = null)
    {
        logger.LogError("Dispatch {DispatchId} to {CounterpartId} failed ({Reason}): {Error}", dispatchId, counterpartId, reason, error);
        var attempts = result?.Attempts.Select(a => new AttemptRecord(a.At.ToUnixTimeMilliseconds(), a.Outcome)).ToList() ?? [];
        await store.RecordDispatchFailureAsync(new FailedMessage(nameof(SendDispatch), counterpartId, caseId,
            dispatchId, Now(), reason, error, JsonSerializer.Serialize(message, GatewayJson.Options),
            result is null ? null : JsonSerializer.Serialize(result.RequestHeaders, GatewayJson.Options), result?.RequestBody,
            attempts, sending), ct);
    }

    /// <summary>The booked time an appointment dispatch carries (its booking's slot, Beijing time).</summary>
    private async Task<AppointmentDocument?> AppointmentAsync(DispatchRow dispatch, CancellationToken ct)
    {
        if (await bookings.GetBookingOfAppointmentAsync(dispatch.CaseId, dispatch.DispatchId, ct) is not { } booking) return null;
        static DateTimeOffset Local(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(TimeSpan.FromHours(8));
        return new AppointmentDocument(booking.BookingId, booking.Round, Local(booking.SlotStart), Local(booking.SlotEnd));
    }

    /// <summary>The case's policy as the dispatch document carries it; the joint group's members are its utilities that dig.</summary>
    private (DispatchPolicy, IReadOnlyList<string>) DispatchPolicyOf(DispatchTake take)
    {
        if (take.PolicyJson is null) return (DispatchPolicy.None, []);
        var policy = parsed.Policy(take.Case.CaseId, take.PolicyJson) ?? throw new JsonException("the case's stored policy is empty");
        var digging = policy.OuterWorks.Select(w => WireName.Of(w.Service)).ToHashSet();
        var joint = policy.JointConstructionGroupId is null ? [] : take.WorkOrders
            .Where(w => digging.Contains(w.Service)).Select(w => w.CounterpartId).Distinct().Order().ToList();
        return (new DispatchPolicy(policy.OuterWorks.Select(w => new DispatchOuterWorkPolicy(WireName.Of(w.Path), w.CommitmentReceiptNo, w.GoAheadAt is not null)).ToList(),
            policy.JointConstructionGroupId), joint);
    }

    /// <summary>A fee notice's news: the paid list and this utility's items on it (docs/api.md "Fee list contract").</summary>
    private async Task<FeePaid?> FeePaidAsync(DispatchRow dispatch, CancellationToken ct)
    {
        var (_, list) = await fees.GetFeesAsync(dispatch.CaseId, ct);
        if (list is not { PaidAt: { } paidAt, PaymentRef: { } paymentRef }) return null;
        return new FeePaid(list.FeeListId, paymentRef, DateTimeOffset.FromUnixTimeMilliseconds(paidAt).ToOffset(TimeSpan.FromHours(8)),
            list.ApplicantFenOf(dispatch.CounterpartId),
            list.Lines.Where(l => l.CounterpartId == dispatch.CounterpartId)
                .Select(l => new FeePaidItem(l.Item.Code, l.Item.Name, l.Item.AmountFen, WireName.Of(l.Item.Bearer), WireName.Of(l.Item.Scope))).ToList());
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}

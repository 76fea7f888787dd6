using System.Globalization;
using Gateway.Contracts;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Messages;
using Gateway.Routing.FanOut;
using Gateway.Routing.Regions;

namespace Gateway.Routing.Lifecycle;

/// <summary>
/// One fee list, paid once (docs/lifecycle.md "Fee list"): the case's cost rules decide what a quote may charge the
/// applicant; the quote that completes the set issues the list (where the region offers it); the portal's one payment
/// confirmation, for exactly the applicant's total, marks it paid and sends each utility a FEE_NOTICE of its part.
/// </summary>
public static class FeeListRules
{
    public const string FeeNotChargeable = "FEE_NOT_CHARGEABLE";
    public const string FeeListAlreadyIssued = "FEE_LIST_ALREADY_ISSUED";
    public const string WrongDispatchKind = "WRONG_DISPATCH_KIND";
    public const string FeeListNotOffered = "FEE_LIST_NOT_OFFERED";
    public const string FeeListNotIssued = "FEE_LIST_NOT_ISSUED";
    public const string FeeListAlreadyPaid = "FEE_LIST_ALREADY_PAID";
    public const string FeeTotalMismatch = "FEE_TOTAL_MISMATCH";
    public const string FeeListMismatch = "FEE_LIST_MISMATCH";

    /// <summary>The SLA-step column of a fee notice: it has no limit in any plan.</summary>
    public static readonly string NoticeStep = WireName.Of(DispatchKind.FeeNotice);

    public static string FeeListIdOf(string caseId) => $"FL-{caseId}";

    /// <summary>A utility's quote on its work order <paramref name="subject"/>.</summary>
    public static FeeEffects Quote(FeeSnapshot s, RegionPolicy region, DispatchRow subject, IReadOnlyList<FeeItem> items, string actor, string? note = null)
    {
        if (subject.Kind != DispatchKind.WorkOrder)
            return FeeEffects.Refuse(WrongDispatchKind, $"派单 {subject.DispatchId} 不是工单，报价须针对本单位的工单");
        if (s.List is not null)
            return FeeEffects.Refuse(FeeListAlreadyIssued, $"统一收费清单 {s.List.FeeListId} 已出具，报价不能再修改");

        var decision = s.Policy.Costs.FirstOrDefault(c => subject.Service is { } svc && WireName.Of(c.Service) == svc);
        var refused = new List<(string, string)>();
        if (decision is { Bearer: CostBearer.Utility or CostBearer.Government })
            for (var i = 0; i < items.Count; i++)
                if (items[i] is { Scope: FeeScope.OutsideRedLine, Bearer: CostBearer.Applicant })
                    refused.Add(($"items[{i}].bearer",
                        $"规划红线外{LifecycleNames.Of(decision.Service)}工程费用由{LifecycleNames.Of(decision.Bearer)}承担，不得向申请人收取（{decision.Reason}）"));
        if (refused.Count > 0)
            return FeeEffects.Refuse(FeeNotChargeable, $"{region.Name}的费用规则不允许向申请人收取其中 {refused.Count} 项", [.. refused]);

        var previous = s.Quotes.FirstOrDefault(q => q.CounterpartId == subject.CounterpartId);
        var quote = new FeeQuote(subject.CounterpartId, subject.DispatchId, subject.Service, (previous?.Revision ?? 0) + 1, items, s.Now);
        var quotes = s.Quotes.Where(q => q.CounterpartId != subject.CounterpartId).Append(quote).ToList();

        var list = region.FeeList is not null && EveryUtilityQuoted(s.Dispatches, quotes) ? Combine(s.Case.CaseId, quotes, s.Now) : null;
        var effects = new FeeEffects { Quote = quote, List = list, IssuedNotice = list is null ? null : Notice(list) };
        effects.Case.Timeline.Add(new TimelineEntry(s.Now, TimelineType.FeeQuoted, actor,
            $"{subject.CounterpartId} 报价（第 {quote.Revision} 版）：{items.Count} 项，申请人承担 {Yuan(quote.ApplicantFen)}{(string.IsNullOrWhiteSpace(note) ? "" : $"；{note.Trim()}")}",
            subject.DispatchId));
        if (list is not null)
            effects.Case.Timeline.Add(new TimelineEntry(s.Now, TimelineType.FeeListIssued, "gateway",
                $"统一收费清单 {list.FeeListId}：{list.Lines.Count} 项，申请人一次缴纳 {Yuan(list.ApplicantTotalFen)}"));
        return effects;
    }

    /// <summary>The portal's single payment confirmation for the case's list.</summary>
    public static FeeEffects ConfirmPayment(FeeSnapshot s, RegionPolicy region, string feeListId, long totalFen, string paymentRef, long paidAt,
        string actor, LifecycleSettings settings)
    {
        if (region.FeeList is null)
            return FeeEffects.Refuse(FeeListNotOffered, $"{region.Name}未提供统一收费清单与一次缴费");
        if (s.List is not { } list)
            return FeeEffects.Refuse(FeeListNotIssued, "统一收费清单尚未出具（仍有单位未报价）");
        if (list.FeeListId != feeListId)
            return FeeEffects.Refuse(FeeListMismatch, "收费清单编号不符", ("feeListId", $"本案件的收费清单编号为 {list.FeeListId}"));
        if (list.Status == FeeListStatus.Paid)
            return list.PaymentRef == paymentRef && list.ApplicantTotalFen == totalFen
                ? FeeEffects.Repeat
                : list.ApplicantTotalFen != totalFen
                    ? TotalMismatch(list, totalFen)
                    : FeeEffects.Refuse(FeeListAlreadyPaid, $"收费清单 {list.FeeListId} 已以缴费流水 {list.PaymentRef} 缴纳");
        if (list.ApplicantTotalFen != totalFen) return TotalMismatch(list, totalFen);

        var paid = list with { Status = FeeListStatus.Paid, PaidAt = paidAt, PaymentRef = paymentRef };
        var effects = new FeeEffects { List = paid };
        effects.Case.Timeline.Add(new TimelineEntry(s.Now, TimelineType.FeePaid, actor,
            $"申请人一次缴纳 {Yuan(totalFen)}（缴费流水 {paymentRef}），通知各单位"));
        var ordinal = s.Dispatches.Count == 0 ? 0 : s.Dispatches.Max(d => d.Ordinal);
        // Every utility that quoted hears of the payment, including one whose part was nothing for the applicant.
        foreach (var quote in s.Quotes.OrderBy(q => q.CounterpartId, StringComparer.Ordinal))
        {
            ServiceType? service = quote.Service is { } wire && WireName.TryParse<ServiceType>(wire, out var parsed) ? parsed : null;
            effects.Case.NewDispatches.Add(NewDispatch.From(
                new PlannedDispatch(quote.CounterpartId, DispatchKind.FeeNotice, service, NoticeStep, 0, null), s.Case.CaseId, ++ordinal, s.Now, settings));
        }
        return effects;
    }

    private static FeeEffects TotalMismatch(FeeListRecord list, long totalFen) =>
        FeeEffects.Refuse(FeeTotalMismatch, "缴费金额与统一收费清单不符",
            ("totalFen", $"应缴 {list.ApplicantTotalFen} 分（{Yuan(list.ApplicantTotalFen)}），确认的是 {totalFen} 分"));

    /// <summary>Every utility with a work order that is not rejected has a current quote.</summary>
    public static bool EveryUtilityQuoted(IReadOnlyList<DispatchRow> dispatches, IReadOnlyList<FeeQuote> quotes)
    {
        var utilities = dispatches.Where(d => d.Kind == DispatchKind.WorkOrder).GroupBy(d => d.CounterpartId)
            .Where(g => g.Any(d => d.Status != DispatchStatus.Rejected)).Select(g => g.Key).ToList();
        return utilities.Count > 0 && utilities.All(u => quotes.Any(q => q.CounterpartId == u));
    }

    /// <summary>Every current item of every quote, in quote order; the applicant's total is the exact integer sum of its items.</summary>
    public static FeeListRecord Combine(string caseId, IReadOnlyList<FeeQuote> quotes, long now)
    {
        var lines = quotes.OrderBy(q => q.CounterpartId, StringComparer.Ordinal)
            .SelectMany(q => q.Items.Select(i => new FeeListLine(q.CounterpartId, q.Service, i))).ToList();
        var total = lines.Where(l => l.Item.Bearer == CostBearer.Applicant).Sum(l => checked(l.Item.AmountFen));
        return new FeeListRecord(FeeListIdOf(caseId), FeeListStatus.Issued, total, lines, now, null, null);
    }

    public static FeeListNotice Notice(FeeListRecord list) => new(list.FeeListId, list.ApplicantTotalFen,
        list.Lines.Select(l => new FeeListNoticeItem(l.CounterpartId, l.Service, l.Item.Code, l.Item.Name, l.Item.AmountFen,
            WireName.Of(l.Item.Bearer), WireName.Of(l.Item.Scope))).ToList());

    /// <summary>Fen as yuan for people, by integer arithmetic (never floating point): 123456 → "1234.56 元".</summary>
    public static string Yuan(long fen) =>
        string.Create(CultureInfo.InvariantCulture, $"{(fen < 0 ? "-" : "")}{Math.Abs(fen) / 100}.{Math.Abs(fen) % 100:D2} 元");
}

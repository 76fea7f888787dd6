using System.ComponentModel;
using System.Text.Json.Serialization;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Host.Api;

// The shapes of the fee-list flow (docs/api.md "Fee list contract"): answers, the portal's payment confirmation, the case view's fees.

[Description("报价回执 (answer to a utility's fee quote)")]
public sealed record FeeQuoteReceipt(
    [property: Description("已接受 (accepted)")] bool Accepted,
    [property: Description("重复事件 (the event id was seen before: nothing changed)")] bool Duplicate,
    [property: Description("案件编号 (case id)")] string? CaseId,
    [property: Description("报价版本 (revision of this utility's quote; absent for a repeat)")] int? Revision,
    [property: Description("统一收费清单已出具 (this quote completed the set and the list was issued)")] bool FeeListIssued);

[Description("门户确认一次缴费 (the portal confirms the applicant's single payment of the fee list)")]
public sealed record FeePaymentRequest(
    [property: Description("门户申报编号 (the portal's application number: applyNo, SQBH, submitId or DemandNo)")] string? ApplyNo,
    [property: Description("统一收费清单编号 (fee list id from the FEE_LIST_ISSUED callback)")] string? FeeListId,
    [property: Description("缴费总额（分，整数）(total paid in fen, an integer: must equal the list's applicantTotalFen)")] decimal? TotalFen,
    [property: Description("缴费流水号 (the portal's payment reference; a repeat with the same one is idempotent)")] string? PaymentRef,
    [property: Description("缴费时间 (paid at, ISO-8601 with offset; default: when recorded)")] string? PaidAt);

[Description("缴费确认回执 (answer to a payment confirmation)")]
public sealed record FeePaymentReceipt(
    [property: Description("案件编号 (case id)")] string CaseId,
    [property: Description("统一收费清单编号 (fee list id)")] string FeeListId,
    [property: Description("已缴总额（分）(total paid, fen)")] long TotalFen,
    [property: Description("缴费流水号 (payment reference recorded)")] string PaymentRef,
    [property: Description("重复确认 (already confirmed: nothing changed)")] bool Duplicate);

[Description("统一收费清单 (the case's fee list: quotes, the combined list, its payment)")]
public sealed record FeesView(
    [property: Description("本地区是否提供统一收费清单 (the region offers the fee list)")] bool Offered,
    [property: Description("方案依据 (the plan clause)")] string? Source,
    [property: Description("各单位当前报价 (each utility's current quote)")] IReadOnlyList<FeeQuoteView> Quotes,
    [property: Description("统一收费清单 (absent until issued)")] FeeListView? List)
{
    public static FeesView From(FeeListOffer? offer, IReadOnlyList<FeeQuote> quotes, FeeListRecord? list) => new(
        offer is not null, offer?.Source,
        quotes.Select(q => new FeeQuoteView(q.CounterpartId, q.DispatchId, q.Service, q.Revision, q.ApplicantFen, CaseView.At(q.QuotedAt),
            q.Items.Select(i => new FeeItemView(i.Code, i.Name, i.AmountFen, i.Bearer, i.Scope)).ToList())).ToList(),
        list is null ? null : new FeeListView(list.FeeListId, list.Status, list.ApplicantTotalFen, CaseView.At(list.IssuedAt),
            list.PaidAt is { } paid ? CaseView.At(paid) : null, list.PaymentRef,
            list.Lines.Select(l => new FeeListLineView(l.CounterpartId, l.Service, l.Item.Code, l.Item.Name, l.Item.AmountFen, l.Item.Bearer, l.Item.Scope)).ToList()));
}

[Description("一家单位的报价 (one utility's current quote)")]
public sealed record FeeQuoteView(
    [property: Description("单位编号 (counterpart id)")] string CounterpartId,
    [property: Description("所报工单 (the work order quoted on)")] string DispatchId,
    [property: Description("服务 (service)")] string? Service,
    [property: Description("版本 (revision)")] int Revision,
    [property: Description("申请人承担（分）(applicant's part, fen)")] long ApplicantFen,
    [property: Description("报价时间 (quoted at)")] DateTimeOffset QuotedAt,
    [property: Description("收费项目 (items)")] IReadOnlyList<FeeItemView> Items);

[Description("收费项目 (quoted item)")]
public sealed record FeeItemView(
    [property: Description("项目代码 (code)")] string? Code,
    [property: Description("项目名称 (name)")] string Name,
    [property: Description("金额（分）(amount, fen)")] long AmountFen,
    [property: Description("承担方 (bearer: APPLICANT, UTILITY or GOVERNMENT)")] CostBearer Bearer,
    [property: Description("范围 (OUTSIDE_RED_LINE or INSIDE_RED_LINE)")] FeeScope Scope);

[Description("已出具的统一收费清单 (the issued fee list)")]
public sealed record FeeListView(
    [property: Description("清单编号 (fee list id)")] string FeeListId,
    [property: Description("状态 (ISSUED or PAID)")] FeeListStatus Status,
    [property: Description("申请人一次缴纳总额（分）(applicant's total, fen: the exact sum of the APPLICANT lines)")] long ApplicantTotalFen,
    [property: Description("出具时间 (issued at)")] DateTimeOffset IssuedAt,
    [property: Description("缴费时间 (paid at)"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PaidAt,
    [property: Description("缴费流水号 (payment reference)")] string? PaymentRef,
    [property: Description("清单各项 (every line)")] IReadOnlyList<FeeListLineView> Lines);

[Description("清单一项 (one line of the fee list)")]
public sealed record FeeListLineView(
    [property: Description("单位编号 (counterpart id)")] string CounterpartId,
    [property: Description("服务 (service)")] string? Service,
    [property: Description("项目代码 (code)")] string? Code,
    [property: Description("项目名称 (name)")] string Name,
    [property: Description("金额（分）(amount, fen)")] long AmountFen,
    [property: Description("承担方 (bearer)")] CostBearer Bearer,
    [property: Description("范围 (scope)")] FeeScope Scope);

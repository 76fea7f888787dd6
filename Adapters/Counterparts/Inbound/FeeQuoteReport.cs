using Gateway.Adapters.Portals.Validation;
using Gateway.Contracts.Cases;
using Gateway.Contracts.Lifecycle;
using Gateway.Routing.Lifecycle;

namespace Gateway.Adapters.Counterparts.Inbound;

/// <summary><c>POST /api/counterparts/{id}/fee-quotes</c>: a utility's quote on its work order (docs/api.md "Fee list contract").</summary>
public sealed record FeeQuoteReport(string? EventId, string? DispatchId, IReadOnlyList<FeeQuoteItem>? Items, string? Note);

/// <summary>One quoted item; <c>amountFen</c> is read as a number so that a fraction of a fen is a field error, not a parse error.</summary>
public sealed record FeeQuoteItem(string? Code, string? Name, decimal? AmountFen, string? Bearer, string? Scope);

/// <summary>Field checks of a quote; returns the items in the rules' terms when there are no errors.</summary>
public static class FeeQuoteValidator
{
    public const int MaxItems = 50;
    public const long MaxFen = 1_000_000_000_000;
    private static readonly CostBearer[] ItemBearers = [CostBearer.Applicant, CostBearer.Utility, CostBearer.Government];

    public static (FieldErrors Errors, IReadOnlyList<FeeItem> Items) Validate(FeeQuoteReport r)
    {
        var e = new FieldErrors();
        if (e.Required("eventId", r.EventId, "事件编号") && r.EventId!.Length > 64) e.Add("eventId", ErrorCodes.OutOfRange, "事件编号不能超过 64 个字符");
        e.Required("dispatchId", r.DispatchId, "派单编号");
        if (r.Note is { Length: > 500 }) e.Add("note", ErrorCodes.OutOfRange, "备注不能超过 500 个字符");
        var items = new List<FeeItem>();
        if (r.Items is null) e.Add("items", ErrorCodes.Required, "收费项目不能为空（无收费时请提交空列表 []）");
        else if (r.Items.Count > MaxItems) e.Add("items", ErrorCodes.OutOfRange, $"收费项目不能超过 {MaxItems} 项");
        else
            for (var i = 0; i < r.Items.Count; i++)
            {
                var at = $"items[{i}]";
                var item = r.Items[i];
                if (item is null) { e.Add(at, ErrorCodes.Required, "收费项目不能为空"); continue; }
                if (e.Required($"{at}.name", item.Name, "收费项目名称") && item.Name!.Length > 100)
                    e.Add($"{at}.name", ErrorCodes.OutOfRange, "收费项目名称不能超过 100 个字符");
                if (item.Code is { Length: > 32 }) e.Add($"{at}.code", ErrorCodes.OutOfRange, "收费项目代码不能超过 32 个字符");
                long? fen = null;
                if (item.AmountFen is not { } amount) e.Add($"{at}.amountFen", ErrorCodes.Required, "金额（分）不能为空");
                else if (amount != decimal.Truncate(amount)) e.Add($"{at}.amountFen", ErrorCodes.InvalidFormat, "金额应为以分为单位的整数");
                else if (amount is < 0 or > MaxFen) e.Add($"{at}.amountFen", ErrorCodes.OutOfRange, $"金额应在 0 至 {MaxFen} 分之间");
                else fen = (long)amount;
                var bearer = e.Enum<CostBearer>($"{at}.bearer", item.Bearer, "费用承担方");
                if (bearer is CostBearer.Tariff)
                {
                    e.Add($"{at}.bearer", ErrorCodes.InvalidValue, "费用承担方应为 APPLICANT、UTILITY、GOVERNMENT 之一");
                    bearer = null;
                }
                var scope = e.Enum<FeeScope>($"{at}.scope", item.Scope, "费用范围");
                if (fen is { } f && bearer is { } b && scope is { } sc && ItemBearers.Contains(b))
                    items.Add(new FeeItem(string.IsNullOrWhiteSpace(item.Code) ? null : item.Code.Trim(), item.Name!.Trim(), f, b, sc));
            }
        return (e, items);
    }
}

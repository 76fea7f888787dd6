using System.ComponentModel;
using Gateway.Contracts.Lifecycle;

namespace Gateway.Host.Api;

// The shapes of GET /api/cases as the OpenAPI document describes them (the handler writes the same fields).

[Description("案件列表 (case list): one page of cases, newest first.")]
public sealed record CaseListPage(
    [property: Description("页码 (page number), from 1")] int Page,
    [property: Description("每页条数 (page size)")] int PageSize,
    [property: Description("符合条件的案件总数 (total matching cases)")] int Total,
    IReadOnlyList<CaseListItem> Items);

[Description("案件摘要 (case summary)")]
public sealed record CaseListItem(
    [property: Description("案件编号 (case id)")] string CaseId,
    [property: Description("地区 (region id, e.g. zhejiang-keqiao)")] string Region,
    [property: Description("园区/片区 (zone within the region), when the application named one")] string? Zone,
    [property: Description("来源门户 (portal the application came from)")] string Portal,
    [property: Description("门户申报编号 (the portal's own application number)")] string PortalApplicationNo,
    [property: Description("案件状态 (case status)")] CaseStatus Status,
    [property: Description("受理时间 (accepted at, Beijing time)")] DateTimeOffset AcceptedAt,
    [property: Description("派单数 (number of dispatches)")] int Dispatches,
    [property: Description("是否有超期派单 (any dispatch past its due time)")] bool Overdue);

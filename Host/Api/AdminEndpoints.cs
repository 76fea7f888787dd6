using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Counterparts.Resilience;
using Gateway.Adapters.Http;
using Gateway.Application.Security;
using Gateway.Application.Store;
using Gateway.Contracts;
using Gateway.Contracts.Json;
using Gateway.Contracts.Lifecycle;
using Gateway.Adapters.Portals.Validation;
using Gateway.Host.Security;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;
using Gateway.Store;
using Polly.CircuitBreaker;

namespace Gateway.Host.Api;

/// <summary><c>/api/admin/*</c>: what operators look at (viewer role and up for reads).</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin").WithTags("admin")
            .RequireAdminRole(AdminRole.Viewer);
        group.MapGet("/counterparts", ListCounterpartsAsync).WithName("ListCounterparts")
            .WithSummary("对接方一览 (counterparts: endpoint, circuit, pending and failed)")
            .Produces<IReadOnlyList<CounterpartStatusView>>();
        group.MapGet("/parked", ListParkedAsync).WithName("ListParkedRows")
            .WithSummary("搁置的行 (parked rows: what a batch loop could not process, with the reason)")
            .Produces<IReadOnlyList<ParkedRowView>>();
        group.MapGet("/runtime", () => Results.Json(RuntimeView.Now(), GatewayJson.Options)).WithName("GetRuntime")
            .WithSummary("本实例运行时计数 (this instance's JIT and GC counters since start: a benchmark checks that tier-up had finished)")
            .Produces<RuntimeView>();
        endpoints.MapPost("/api/admin/parked/{kind}/{rowId}/release", ReleaseParkedAsync).WithTags("admin").WithName("ReleaseParkedRow")
            .RequireAdminRole(AdminRole.Operator)
            .WithSummary("释放搁置的行 (release a parked row once its cause is fixed: its loop tries it again; an outbox message is re-queued)")
            .Produces<ParkedRowView>().ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
    }

    private static readonly string[] ParkedKinds = Enum.GetValues<ParkedRowKind>().Select(WireName.Of).ToArray();

    private static async Task<IResult> ReleaseParkedAsync(string kind, string rowId, HttpContext http, IParkedRowStore store, ILoggerFactory logs)
    {
        if (!WireName.TryParse<ParkedRowKind>(kind, out var parsed))
            return Problems.Result(StatusCodes.Status400BadRequest, "INVALID_QUERY", "参数有误", null,
                [new FieldError("kind", ErrorCodes.InvalidValue, $"类型取值“{kind}”无效，可选：{string.Join("、", ParkedKinds)}")]);
        var released = await store.ReleaseParkedAsync(parsed, rowId, http.RequestAborted);
        if (released is null)
            return Problems.Result(StatusCodes.Status404NotFound, "PARKED_ROW_NOT_FOUND", "没有该搁置的行", $"没有类型为 {kind}、编号为 {rowId} 的搁置行");
        // Who released what: the operator's token name, never the token.
        logs.CreateLogger("Gateway.Admin").LogInformation("Parked {Kind} {RowId} released by {Operator}", kind, rowId, AdminAuthorization.CallerOf(http).Name);
        return Results.Json(View(released), GatewayJson.Options);
    }

    private static ParkedRowView View(ParkedRow p) => new(p.KindName, p.RowId, p.CaseId, p.ReasonName, p.Detail, CaseView.At(p.ParkedAt), p.Times);

    /// <summary>Rows the batch loops set aside (unreadable personal data, malformed payloads), newest first; details carry no personal data.</summary>
    private static async Task<IResult> ListParkedAsync(HttpContext http, IParkedRowStore store) =>
        Results.Json((await store.ListParkedAsync(http.RequestAborted))
            .Select(View), GatewayJson.Options);

    private static async Task<IResult> ListCounterpartsAsync(HttpContext http, RegionCatalog regions, ICounterpartDirectory directory,
        CounterpartCircuits circuits, IDispatchStore store)
    {
        var load = (await store.CounterpartLoadAsync(http.RequestAborted)).ToDictionary(l => l.CounterpartId);
        var rows = regions.Counterparts.Select(c =>
        {
            string? baseUrl = null, protocol = null, problem = null;
            var sandbox = false;
            try
            {
                var endpoint = directory.Resolve(c.Id);
                baseUrl = endpoint.BaseUrl.ToString();
                protocol = endpoint.Protocol.ToString().ToUpperInvariant();
                sandbox = endpoint.Sandbox;
            }
            catch (InvalidOperationException ex)
            {
                problem = ex.Message;
            }
            var circuit = circuits.CircuitOf(c.Id) switch
            {
                CircuitState.Open or CircuitState.Isolated => WireName.Of(CircuitStatus.Open),
                CircuitState.HalfOpen => WireName.Of(CircuitStatus.HalfOpen),
                _ => WireName.Of(CircuitStatus.Closed),
            };
            load.TryGetValue(c.Id, out var l);
            return new
            {
                id = c.Id,
                region = c.Region,
                kind = WireName.Of(c.Kind),
                service = c.Service is { } s ? WireName.Of(s) : null,
                name = c.Name,
                protocol,
                baseUrl,
                sandbox,
                circuit,
                pending = l?.Pending ?? 0,
                failed = l?.Failed ?? 0,
                problem,
            };
        });
        return Results.Json(rows, GatewayJson.Options);
    }
}

/// <summary>A counterpart's circuit as the counterparts view shows it.</summary>
public enum CircuitStatus { Closed, Open, HalfOpen }

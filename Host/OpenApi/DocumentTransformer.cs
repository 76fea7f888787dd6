using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Http;
using Gateway.Contracts.Messages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gateway.Host.OpenApi;

/// <summary>
/// The document as a whole: title and introduction, tag descriptions, the security schemes, and the outbound side as
/// webhooks — the work orders and approval requests the gateway sends to counterparts and the progress callbacks it
/// sends to portals — so the receiving end can be built from the same document.
/// </summary>
public sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Hookup Gateway API (水电气网(暖)联合报装网关)",
            Version = "v1",
            Description =
                "联合报装网关 (joint utility-hookup gateway). Portals push applications (signed, X-Gw-* headers); counterparts " +
                "report progress and decisions (signed); operators read cases and handle failed messages (bearer token with a role). " +
                "Errors are problem details (application/problem+json) with a stable `code` and Chinese texts. " +
                "SOAP services: `GET /soap/project-approval?wsdl` (工改平台) and `GET /soap/departments?wsdl` (审批部门). " +
                "The webhooks describe what the gateway sends: work orders (工单), approval requests (审批请求), early planning " +
                "notices (提前告知) and ratings (服务评价) to counterparts, progress callbacks to portals.",
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
            Contact = new OpenApiContact { Name = "Hookup Gateway operators" },
        };
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "portals", Description = "门户推送 (portal pushes: Zhejiang JSON, Henan XML, Hubei form JSON, project-approval SOAP; intent confirmations and ratings)" },
            new() { Name = "counterparts", Description = "对接方回报 (counterparts report progress and decisions; departments' SOAP)" },
            new() { Name = "cases", Description = "案件查询 (case view and list)" },
            new() { Name = "intents", Description = "意向登记 (intents: early-stage demands, their planning notices and the case they became)" },
            new() { Name = "failed-messages", Description = "失败消息 (failed messages: list, inspect, replay, discard)" },
            new() { Name = "admin", Description = "运维 (counterparts' endpoints, circuits and load; parked rows; ratings summary)" },
            new() { Name = "sla", Description = "时限 (working-day due times)" },
            new() { Name = "Health", Description = "存活与就绪 (liveness and readiness)" },
            new() { Name = "outbound", Description = "网关发出的请求 (what the gateway sends; implement these to receive them)" },
        };
        SignatureSchemes.Declare(document);

        var dispatch = await SchemaAsync<DispatchDocument>(document, context, cancellationToken);
        var ack = await SchemaAsync<CounterpartAcknowledgement>(document, context, cancellationToken);
        var portalEvent = await SchemaAsync<PortalEvent>(document, context, cancellationToken);
        var problem = new OpenApiSchemaReference(SchemaNames.Problem, document);
        document.Webhooks = new Dictionary<string, IOpenApiPathItem>
        {
            ["workOrder"] = Outbound(document, "SendWorkOrder", "工单 (work order) to a utility: POST {counterpart BaseUrl}/work-orders",
                "The gateway POSTs each work order to the utility's `/work-orders`, signed with access key `gateway`, with " +
                "`Idempotency-Key: <dispatchId>` (the same on every retry and replay) and `X-Correlation-Id: <caseId>`. " +
                "Answer 2xx with `orderNo` (受理回执); 409 with `orderNo` means you already hold this key and counts as success. " +
                "400/422 are permanent (recorded as a failed message); 408/429/5xx, timeouts and refused connections are retried " +
                "with backoff (Retry-After honoured).", dispatch, ack, problem),
            ["approvalRequest"] = Outbound(document, "SendApprovalRequest", "审批请求 (approval request) to a department: POST {counterpart BaseUrl}/approval-requests",
                "The same document and rules as a work order, with `kind: APPROVAL_REQUEST` and the question asked; the department " +
                "answers 2xx with `orderNo`, then reports its decision to `POST /api/counterparts/{counterpartId}/decisions` " +
                "(or SOAP ReportDecision).", dispatch, ack, problem),
            ["feeNotice"] = Outbound(document, "SendFeeNotice", "缴费通知 (fee notice) to a utility: POST {counterpart BaseUrl}/fee-notices",
                "Once the portal confirms the applicant's single payment of the fee list, each utility that quoted gets the work-order " +
                "document with `kind: FEE_NOTICE` and `feePaid` (fee list id, payment reference, when, the applicant's part in fen and " +
                "the utility's own items). Same signing, Idempotency-Key, answers and retries as a work order; nothing more is asked.",
                dispatch, ack, problem),
            ["appointment"] = Outbound(document, "SendAppointment", "预约单 (appointment) to a utility: POST {counterpart BaseUrl}/appointments",
                "The same document and rules as a work order, with `kind: APPOINTMENT`, `relatesTo` = the utility's work order and " +
                "`appointment` = the applicant's booked time (bookingId, round, start, end). The utility answers 2xx with `orderNo`, " +
                "then confirms or proposes another time at `POST /api/counterparts/{counterpartId}/appointments`.", dispatch, ack, problem),
            ["planningNotice"] = Outbound(document, "SendPlanningNotice", "提前告知 (early planning notice of an intent) to a utility: POST {counterpart BaseUrl}/planning-notices",
                "An intent (意向登记: an early-stage demand in a region that offers intents) is told to each utility the work orders " +
                "would go to: the same document as a work order with `kind: PLANNING_NOTICE`, `caseId` = the intent id, `stage` " +
                "and `respondBy: null` — nothing is asked, no time limit runs. Same signing, idempotency and retries; the receipt " +
                "(`orderNo`) settles it.", dispatch, ack, problem),
            ["rating"] = Outbound(document, "SendRating", "服务评价 (the applicant's rating of a service) to its utility: POST {counterpart BaseUrl}/ratings",
                "When the applicant rates a connected service, each utility of that service gets the rating: the case's document " +
                "with `kind: RATING` and `rating: { score, comment, ratedAt }` (the comment masked). Same signing, idempotency and " +
                "retries; the receipt (`orderNo`) settles it.", dispatch, ack, problem),
            ["portalCallback"] = Outbound(document, "NotifyPortal", "进度回调 (progress callback) to a portal: POST {portal CallbackUrl}",
                "The gateway tells a portal about its application (ACCEPTED, DISPATCH_RECEIPT, OVERDUE, COMMITMENT_RECEIPT, " +
                "APPROVAL_DECIDED, SERVICE_CONNECTED, CASE_CLOSED, FEE_LIST_ISSUED with `feeList`, BOOKING_SETTLED with the agreed time, " +
                "BOOKING_CONFLICT with the utilities' proposals), signed with access key `gateway`, `Idempotency-Key: <eventId>`. " +
                "The project-approval platform receives the same fields as SOAP NotifyProgress (namespace urn:gcjs:hookup:v1). " +
                "Any 2xx counts as delivered; anything else is retried by the deadline sweeper.", portalEvent, null, problem),
        };
    }

    private static async Task<IOpenApiSchema> SchemaAsync<T>(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var name = typeof(T).Name;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(name))
            document.AddComponent(name, await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken));
        return new OpenApiSchemaReference(name, document);
    }

    private static OpenApiPathItem Outbound(OpenApiDocument document, string operationId, string summary, string description,
        IOpenApiSchema body, IOpenApiSchema? acknowledgement, IOpenApiSchema problem)
    {
        var responses = new OpenApiResponses();
        if (acknowledgement is null)
            responses["200"] = new OpenApiResponse { Description = "已收到 (received; any 2xx counts)" };
        else
        {
            responses["201"] = Json("已受理 (accepted): orderNo is the receipt", acknowledgement, "application/json");
            responses["200"] = Json("已受理 (accepted)", acknowledgement, "application/json");
            responses["409"] = Json("已持有该幂等键 (already holds this Idempotency-Key): orderNo of the first", acknowledgement, "application/json");
            responses["400"] = Json("永久拒绝 (refused: not retried, recorded as a failed message)", problem, Problems.ContentType);
            responses["422"] = Json("永久拒绝 (refused: not retried)", problem, Problems.ContentType);
        }
        responses["503"] = new OpenApiResponse { Description = "暂不可用 (retried with backoff; Retry-After honoured)" };
        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Post] = new()
                {
                    OperationId = operationId,
                    Summary = summary,
                    Description = description,
                    Tags = new HashSet<OpenApiTagReference> { new("outbound", document) },
                    Security = [SignatureSchemes.Signed(document)],
                    Parameters =
                    [
                        new OpenApiParameter { Name = "Idempotency-Key", In = ParameterLocation.Header, Required = true,
                            Description = "幂等键 (dispatchId or eventId: the same on every retry)", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                        new OpenApiParameter { Name = "X-Correlation-Id", In = ParameterLocation.Header, Required = false,
                            Description = "案件编号 (case id, for tracing)", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    ],
                    RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = body } },
                    },
                    Responses = responses,
                },
            },
        };
    }

    private static OpenApiResponse Json(string description, IOpenApiSchema schema, string contentType) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = schema } },
    };
}

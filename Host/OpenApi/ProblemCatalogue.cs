namespace Gateway.Host.OpenApi;

/// <summary>
/// Every stable <c>code</c> a problem-details answer can carry, with its meaning: the enumeration of the Problem schema
/// in the OpenAPI document. A unit test reads the sources for <c>Problems.Result(…, "CODE", …)</c> and fails on a code
/// missing here; the integration tests' response check fails on any code answered but not listed.
/// </summary>
public static class ProblemCatalogue
{
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["VALIDATION_FAILED"] = "申请内容校验未通过 (field validation failed; see errors)",
        ["MALFORMED_BODY"] = "请求体不是有效的 JSON/XML (body is not well-formed)",
        ["INVALID_ENCODING"] = "请求体不是 UTF-8 (body is not valid UTF-8)",
        ["NESTING_TOO_DEEP"] = "JSON 嵌套过深 (JSON nested too deeply)",
        ["DUPLICATE_PROPERTY"] = "JSON 属性重复 (a JSON property appears twice)",
        ["NUMBER_OUT_OF_RANGE"] = "数值超出范围 (number out of range)",
        ["CONTROL_CHARACTER"] = "含有被禁止的控制字符 (forbidden control character)",
        ["TRAILING_DATA"] = "JSON 之后还有多余内容 (data after the JSON value)",
        ["UNSUPPORTED_MEDIA_TYPE"] = "不支持的内容类型 (unsupported Content-Type)",
        ["PAYLOAD_TOO_LARGE"] = "请求体超过 1 MiB (body over 1 MiB)",
        ["BAD_REQUEST"] = "请求无法处理 (the request could not be read)",
        ["APPLICATION_CONFLICT"] = "申请编号已使用且内容不同 (application number reused with different content)",
        ["SIGNATURE_MISSING"] = "缺少签名头 (X-Gw-* signature headers missing)",
        ["ACCESS_KEY_UNKNOWN"] = "未知的访问密钥 (unknown X-Gw-Access-Key)",
        ["SIGNATURE_INVALID"] = "签名无效 (signature, algorithm, date format or nonce format wrong)",
        ["CLOCK_SKEW"] = "请求时间与服务器相差超过 90 秒 (X-Gw-Date more than 90 s from the gateway's clock)",
        ["BODY_DIGEST_MISMATCH"] = "请求体摘要不符 (X-Gw-Content-SHA256 does not match the body)",
        ["NONCE_REPLAYED"] = "随机数已使用 (nonce seen before: replayed request)",
        ["CALLER_NOT_ALLOWED"] = "调用方无权使用该接口 (signed caller not admitted on this route)",
        ["CALLER_MISMATCH"] = "无权代其他对接方报告 (a counterpart may only report as itself: the path names another)",
        ["WRONG_COUNTERPART_KIND"] = "接口与对接方类型不符 (utilities report events, departments decisions)",
        ["COUNTERPART_NOT_FOUND"] = "对接方不存在 (no counterpart with the id in the path)",
        ["TOKEN_INVALID"] = "缺少或无效的访问令牌 (missing or unknown bearer token)",
        ["ROLE_TOO_LOW"] = "权限不足 (the token's role is below the one the operation needs)",
        ["CASE_NOT_FOUND"] = "案件不存在 (no such case)",
        ["DISPATCH_NOT_FOUND"] = "派单不存在 (no such dispatch)",
        ["DISPATCH_OF_ANOTHER_COUNTERPART"] = "派单属于其他对接方 (the dispatch belongs to another counterpart)",
        ["WRONG_DISPATCH_KIND"] = "派单类型不符 (work order reported as decision, or the reverse)",
        ["TRANSITION_NOT_ALLOWED"] = "状态变更不被允许 (status change not allowed from the current one)",
        ["OUTER_WORKS_NOT_APPROVED"] = "外线工程尚未获准 (outer works not yet approved)",
        ["ALREADY_DECIDED"] = "审批已有结论 (approval request already decided)",
        ["FAILED_MESSAGE_NOT_FOUND"] = "失败消息不存在 (no such failed message)",
        ["NOT_REPLAYABLE"] = "该消息不可重放 (not PENDING: already replayed, replaying or discarded)",
        ["NOT_DISCARDABLE"] = "该消息不可丢弃 (not PENDING)",
        ["INVALID_SELECTION"] = "重放范围有误 (replay selection needs exactly one of ids, groupId, counterpartId)",
        ["INVALID_QUERY"] = "查询参数有误 (query parameters invalid; see errors)",
        ["CALENDAR_MISSING"] = "工作日历未发布 (the official holiday calendar of that year is not loaded yet)",
        ["RATING_NOT_ALLOWED"] = "暂不能评价 (case or service not connected yet, or already rated)",
        ["RATINGS_NOT_OFFERED"] = "该地区不收集评价 (the region's plan has no ratings)",
        ["INTENT_NOT_FOUND"] = "意向登记不存在 (no such intent in a region the portal serves)",
        ["INTENT_NOT_OFFERED"] = "该地区不办理意向登记 (the region's plan has no intent registration)",
        ["NOT_FOUND"] = "资源不存在 (not found, e.g. a SOAP address without ?wsdl)",
        ["IDEMPOTENCY_KEY_MISSING"] = "缺少 Idempotency-Key (sandbox counterpart: Idempotency-Key missing)",
        ["UNKNOWN_COUNTERPART"] = "未知对接方 (sandbox: unknown counterpart)",
        ["NOT_SANDBOXED"] = "该对接方未由沙箱模拟 (sandbox: counterpart not simulated)",
        ["STORE_UNAVAILABLE"] = "存储暂不可用，请稍后重试 (store unreachable: retry after Retry-After seconds)",
        ["INTERNAL_ERROR"] = "网关内部错误 (internal error; the trace id is logged)",
    };
}

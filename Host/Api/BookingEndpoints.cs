using Gateway.Adapters.Http;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Portals.Validation;
using Gateway.Adapters.Security;
using Gateway.Application.Bookings;
using Gateway.Contracts;
using Gateway.Contracts.Json;
using Gateway.Contracts.Lifecycle;
using Gateway.Contracts.Portals;
using Gateway.Contracts.Privacy;
using Gateway.Routing.Lifecycle;
using Gateway.Routing.Regions;

namespace Gateway.Host.Api;

/// <summary>
/// Booked joint acceptance and connection (docs/lifecycle.md): every portal books for its own applications
/// (<c>POST /api/portals/{portal}/bookings</c>, JSON, signed as that portal); utilities answer their appointments
/// (<c>POST /api/counterparts/{id}/appointments</c>, signed as themselves, idempotent by event id).
/// </summary>
public static class BookingEndpoints
{
    private const string CounterpartId = "counterpartId";

    public static void MapBookingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var portal in PortalIds.All)
            endpoints.MapPost($"/api/portals/{portal}/bookings", (HttpContext http, BookingRequests bookings) => BookAsync(portal, http, bookings))
                .RequireSignedCaller(PortalCaller.Only(portal))
                .WithTags("portals").WithName($"Bookings{OperationNames.Portal(portal)}")
                .WithSummary($"预约联合验收与接通（{portal}）(the applicant books one time for every utility of the case)")
                .DescribesRequestBody<BookingRequest>("application/json")
                .Produces<BookingReceipt>(StatusCodes.Status201Created)
                .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        endpoints.MapPost($"/api/counterparts/{{{CounterpartId}}}/appointments", AnswerAsync)
            .RequireSignedCaller(new CounterpartInPath(CounterpartId, CounterpartKind.Utility))
            .WithTags("counterparts").WithName("AppointmentAnswers")
            .WithSummary("公用事业单位答复预约 (a utility confirms the booked time or proposes another)")
            .DescribesRequestBody<AppointmentReport>("application/json").DescribeEventAnswers();
    }

    private static async Task<IResult> BookAsync(string portal, HttpContext http, BookingRequests bookings)
    {
        var (request, malformed) = PortalJson.Read<BookingRequest>(SignedRequest.BodyOf(http));
        if (request is null) return malformed!;
        var errors = new FieldErrors();
        errors.Required("applyNo", request.ApplyNo, "申报编号");
        BookingTimes.CheckFormat(errors, "date", request.Date, "slot", request.Slot, "预约日期");
        if (request.Note is { Length: > 500 }) errors.Add("note", ErrorCodes.OutOfRange, "备注不能超过 500 个字符");
        if (errors.Any) return Problems.Validation(errors.All);

        // Free text from outside: masked before it is stored (on the timeline).
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : PersonalDataMask.FreeText(request.Note.Trim());
        var outcome = await bookings.BookAsync(portal, request.ApplyNo!.Trim(), request.Date!, request.Slot, note, http.RequestAborted);
        if (outcome.UnknownCase)
            return Problems.Result(StatusCodes.Status404NotFound, "CASE_NOT_FOUND", "申报不存在", $"没有申报编号为 {request.ApplyNo} 的案件",
                [new FieldError("applyNo", ErrorCodes.UnknownApplication, $"本门户没有申报编号为 {request.ApplyNo} 的申请")]);
        if (outcome.Errors is { Count: > 0 } invalid) return Problems.Validation(invalid);
        if (outcome.Refusal is { Code: "BOOKING_NOT_OFFERED" } notOffered)
            return Problems.Result(StatusCodes.Status409Conflict, notOffered.Code, "该地区不提供预约服务", notOffered.Message,
                [new FieldError("applyNo", ErrorCodes.BookingNotOffered, notOffered.Message)]);
        if (outcome.Refusal is { } refusal)
            return Problems.Result(StatusCodes.Status409Conflict, refusal.Code, "暂不能预约", refusal.Message);
        var b = outcome.Booking!;
        return Results.Json(new BookingReceipt(outcome.CaseId!, b.BookingId, b.Round, b.Status, CaseView.At(b.SlotStart), CaseView.At(b.SlotEnd),
            b.Answers.Select(a => a.CounterpartId).ToList()), GatewayJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> AnswerAsync(string counterpartId, HttpContext http, AppointmentAnswers answers)
    {
        var (report, malformed) = PortalJson.Read<AppointmentReport>(SignedRequest.BodyOf(http));
        if (report is null) return malformed!;
        var errors = new FieldErrors();
        if (errors.Required("eventId", report.EventId, "事件编号") && report.EventId!.Length > 64) errors.Add("eventId", ErrorCodes.OutOfRange, "事件编号不能超过 64 个字符");
        errors.Required("dispatchId", report.DispatchId, "派单编号");
        if (errors.Required("at", report.At, "发生时间") && !BeijingTime.TryParse(report.At, out _))
            errors.Add("at", ErrorCodes.InvalidFormat, "发生时间应为 ISO-8601 时间，如 2026-11-24T10:00:00+08:00");
        AppointmentAnswer? answer = null;
        if (errors.Required("answer", report.Answer, "答复"))
        {
            if (BookingRules.Answers.Contains(report.Answer!)) answer = WireName.Parse<AppointmentAnswer>(report.Answer!);
            else errors.Add("answer", ErrorCodes.InvalidValue, $"答复应为 {string.Join("、", BookingRules.Answers.Order(StringComparer.Ordinal))} 之一");
        }
        var proposing = answer == AppointmentAnswer.Proposed;
        BookingTimes.CheckFormat(errors, "proposedDate", report.ProposedDate, "proposedSlot", report.ProposedSlot, "提议日期", required: proposing);
        if (!proposing && (report.ProposedDate is not null || report.ProposedSlot is not null))
            errors.Add("proposedDate", ErrorCodes.InvalidValue, "只有 PROPOSED 答复可以提议时间");
        if (report.Note is { Length: > 500 }) errors.Add("note", ErrorCodes.OutOfRange, "备注不能超过 500 个字符");
        if (errors.Any) return Problems.Validation(errors.All);

        BookingSlot? proposed = null;
        if (proposing)
        {
            proposed = answers.Proposal(counterpartId, report.ProposedDate!, report.ProposedSlot, errors);
            if (proposed is null) return Problems.Validation(errors.All);
        }
        // Free text from outside: masked before it is stored.
        var note = string.IsNullOrWhiteSpace(report.Note) ? null : PersonalDataMask.FreeText(report.Note.Trim());
        var outcome = await answers.AnswerAsync(counterpartId, report.EventId!, report.DispatchId!, answer!.Value, proposed, note, http.RequestAborted);
        return CounterpartEventEndpoints.Answer(outcome, report.DispatchId!);
    }
}

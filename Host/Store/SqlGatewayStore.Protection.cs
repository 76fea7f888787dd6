using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
namespace Gateway.Store;

/// <summary>
/// Personal data at rest: contact names and phone numbers in the stored application and in recorded work-order
/// bodies are sealed with SM4-GCM on the way in, bound to their record and column, and opened on the way out
/// (<see cref="PersonalDataProtector"/>). Reads never throw on a value that does not open: the field reads
/// <see cref="PersonalDataProtector.Unreadable"/> and the row says so (<see cref="CaseRow.Unreadable"/>).
/// </summary>
public sealed partial class SqlGatewayStore
{
    /// <summary>Seals personal data in what is written; without one (e.g. the migrate verb) values pass unchanged.</summary>
    public PersonalDataProtector? Protector { get; init; }

    private CaseRow Sealed(CaseRow row) => Protector is null ? row : new CaseRow
    {
        CaseId = row.CaseId, Portal = row.Portal, PortalApplicationNo = row.PortalApplicationNo, ContentHash = row.ContentHash,
        Region = row.Region, Zone = row.Zone, Status = row.Status, ReceiptNo = row.ReceiptNo, AcceptedAt = row.AcceptedAt,
        UpdatedAt = row.UpdatedAt, ApplicationJson = Protector.SealDocument(row.ApplicationJson, PersonalDataProtector.CaseBinding(row.CaseId)),
        ReceiptJson = row.ReceiptJson,
    };

    private CaseRow? Opened(CaseRow? row)
    {
        if (row is null || Protector is null) return row;
        Protector.TryOpenDocument(row.ApplicationJson, PersonalDataProtector.CaseBinding(row.CaseId), out var opened, out var problem);
        row.ApplicationJson = opened;
        row.Unreadable = problem;
        return row;
    }

    private FailedMessageRow? Opened(FailedMessageRow? row)
    {
        if (row?.RequestBody is null || Protector is null) return row;
        Protector.TryOpenDocument(row.RequestBody, PersonalDataProtector.FailedBodyBinding(row.Id), out var opened, out _);
        row.RequestBody = opened;
        return row;
    }

    private string? SealedBody(string id, string? body) =>
        body is null || Protector is null ? body : Protector.SealDocument(body, PersonalDataProtector.FailedBodyBinding(id));
}

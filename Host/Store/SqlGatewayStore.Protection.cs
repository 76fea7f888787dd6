using Gateway.Application.Store;
using Gateway.Routing.Lifecycle;
namespace Gateway.Store;

/// <summary>
/// Personal data at rest: contact names and phone numbers in the stored application and in recorded work-order
/// bodies are sealed with SM4-GCM on the way in and opened on the way out (<see cref="PersonalDataProtector"/>).
/// </summary>
public sealed partial class SqlGatewayStore
{
    /// <summary>Seals personal data in what is written; without one (e.g. the migrate verb) values pass unchanged.</summary>
    public PersonalDataProtector? Protector { get; init; }

    private CaseRow Sealed(CaseRow row) => Protector is null ? row : new CaseRow
    {
        CaseId = row.CaseId, Portal = row.Portal, PortalApplicationNo = row.PortalApplicationNo, ContentHash = row.ContentHash,
        Region = row.Region, Zone = row.Zone, Status = row.Status, ReceiptNo = row.ReceiptNo, AcceptedAt = row.AcceptedAt,
        UpdatedAt = row.UpdatedAt, ApplicationJson = Protector.SealDocument(row.ApplicationJson), ReceiptJson = row.ReceiptJson,
    };

    private CaseRow? Opened(CaseRow? row)
    {
        if (row is not null && Protector is not null) row.ApplicationJson = Protector.OpenDocument(row.ApplicationJson);
        return row;
    }

    private FailedMessageRow? Opened(FailedMessageRow? row)
    {
        if (row?.RequestBody is not null && Protector is not null) row.RequestBody = Protector.OpenDocument(row.RequestBody);
        return row;
    }

    private string? SealedBody(string? body) => body is null || Protector is null ? body : Protector.SealDocument(body);
}

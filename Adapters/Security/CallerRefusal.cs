using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Security;

/// <summary>
/// The answer to a signed caller a route does not admit: HTTP status, stable code, Chinese title and detail.
/// The REST filter writes all four as a problem; the SOAP filter writes the detail as the fault string.
/// </summary>
public sealed record CallerRefusal(int Status, string Code, string Title, string Detail)
{
    public const string NotAllowedCode = "CALLER_NOT_ALLOWED";

    public static CallerRefusal NotAllowed(string title, string detail) =>
        new(StatusCodes.Status403Forbidden, NotAllowedCode, title, detail);
}

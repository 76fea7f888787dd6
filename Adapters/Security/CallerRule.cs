using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Security;

/// <summary>
/// Who may call a signed route. It is declared where the route is mapped (<see cref="SignedRequest.RequireSignedCaller"/>
/// or the SOAP twin) and checked by the signed-request filter right after the signature: handlers never check callers
/// by hand, and a signed route cannot exist without a declaration (the filters take one in their constructor).
/// </summary>
public abstract class CallerRule
{
    /// <summary>The declaration in words, for the caller matrix.</summary>
    public abstract string Allowed { get; }

    /// <summary>Null when the verified <paramref name="caller"/> may call this route, else the answer it gets.</summary>
    public abstract CallerRefusal? Check(string caller, HttpContext http);

    public override string ToString() => Allowed;
}

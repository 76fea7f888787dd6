using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Security;

/// <summary>Exactly one caller: a portal's routes admit only the portal's own access key (security.md: key = portal id).</summary>
/// <param name="refusal">The detail a refused caller reads, given its access key.</param>
public sealed class OnlyCaller(string accessKey, string title, Func<string, string> refusal) : CallerRule
{
    public override string Allowed => accessKey;

    public override CallerRefusal? Check(string caller, HttpContext http) =>
        caller == accessKey ? null : CallerRefusal.NotAllowed(title, refusal(caller));
}

using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Gateway.IntegrationTests.Portals;
using Gateway.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Security;

/// <summary>
/// The caller matrix (security finding 1): every signed route in the running host's route table, called by every
/// caller kind, lets only its declared callers past the caller check. Signed routes are found by behaviour (an
/// unsigned call answers 401 SIGNATURE_MISSING), so a new signed route missing from <see cref="Matrix"/> fails here.
/// </summary>
public sealed class CallerMatrixTests : IAsyncLifetime
{
    private const string Utility = "keqiao-water";
    private const string OtherUtility = "keqiao-gas";
    private const string Department = "keqiao-police";
    private const string OtherDepartment = "keqiao-transport";
    private const string UnknownKey = "nobody-we-know";

    /// <summary>Who may call each signed route; <c>{counterpartId}</c> means "the counterpart the path names, as itself".</summary>
    private static readonly Dictionary<string, Func<string, string?, bool>> Matrix = new()
    {
        ["POST /api/portals/zhejiang/applications"] = (caller, _) => caller == "zhejiang",
        ["POST /api/portals/zhejiang/ratings"] = (caller, _) => caller == "zhejiang",
        ["POST /api/portals/zhejiang/bookings"] = (caller, _) => caller == "zhejiang",
        ["POST /api/portals/henan/bookings"] = (caller, _) => caller == "henan",
        ["POST /api/portals/hubei/bookings"] = (caller, _) => caller == "hubei",
        ["POST /api/portals/project-approval/bookings"] = (caller, _) => caller == "project-approval",
        ["POST /api/counterparts/{counterpartId}/appointments"] = (caller, subject) => caller == subject && caller == Utility,
        ["POST /api/portals/henan/applications"] = (caller, _) => caller == "henan",
        ["POST /api/portals/hubei/applications"] = (caller, _) => caller == "hubei",
        ["POST /soap/project-approval"] = (caller, _) => caller == "project-approval",
        ["POST /api/counterparts/{counterpartId}/events"] = (caller, subject) => caller == subject && caller == Utility,
        ["POST /api/counterparts/{counterpartId}/decisions"] = (caller, subject) => caller == subject && caller == Department,
        ["POST /soap/departments"] = (caller, _) => caller == Department,
        ["POST /api/counterparts/{counterpartId}/fee-quotes"] = (caller, subject) => caller == subject && caller == Utility,
        ["POST /api/portals/zhejiang/fee-payments"] = (caller, _) => caller == "zhejiang",
        ["POST /api/portals/henan/fee-payments"] = (caller, _) => caller == "henan",
        ["POST /api/portals/hubei/fee-payments"] = (caller, _) => caller == "hubei",
        ["POST /api/portals/project-approval/fee-payments"] = (caller, _) => caller == "project-approval",
        ["POST /api/portals/henan/ratings"] = (caller, _) => caller == "henan",
        ["POST /api/portals/hubei/ratings"] = (caller, _) => caller == "hubei",
        ["POST /api/portals/project-approval/ratings"] = (caller, _) => caller == "project-approval",
        ["POST /api/portals/zhejiang/intents/confirm"] = (caller, _) => caller == "zhejiang",
        ["POST /api/portals/henan/intents/confirm"] = (caller, _) => caller == "henan",
        ["POST /api/portals/hubei/intents/confirm"] = (caller, _) => caller == "hubei",
        ["POST /api/portals/project-approval/intents/confirm"] = (caller, _) => caller == "project-approval",
    };

    /// <summary>Today's refusals of a wrong caller (a counterpart on the other kind's route as itself is a 409).</summary>
    private static readonly HashSet<(HttpStatusCode, string?)> Refusals =
    [
        (HttpStatusCode.Forbidden, "CALLER_NOT_ALLOWED"),
        (HttpStatusCode.Forbidden, "CALLER_MISMATCH"),
        (HttpStatusCode.Conflict, "WRONG_COUNTERPART_KIND"),
    ];

    private static readonly string[] Callers = ["zhejiang", "henan", "hubei", "project-approval", Utility, Department];

    private GatewayHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GatewayHost.StartAsync([],
            [.. PortalPushes.CallerSecretArgs(), .. new[] { Utility, Department }.Select(id => $"--Gateway:Callers:{id}:Secret={SecretOf(id)}")]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string SecretOf(string caller) =>
        caller is Utility or Department ? GatewayHost.CounterpartSecret(caller) : PortalPushes.SecretOf(caller);

    [Fact]
    public async Task Every_signed_route_admits_only_its_declared_callers()
    {
        var signed = await SignedRoutesAsync();
        Assert.Equal(Matrix.Keys.Order(), signed.Order());

        var before = await _host.CaseCountAsync();
        var wrong = new List<string>();
        foreach (var route in signed)
        {
            var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
            foreach (var caller in Callers)
                foreach (var subject in SubjectsFor(template, caller))
                {
                    var path = Regex.Replace(template, @"\{[^}]+\}", subject ?? "");
                    using var response = await _host.PushAsync(path, "{}"u8.ToArray(), caller, SecretOf(caller));
                    var answer = (response.StatusCode, await CodeOfAsync(response));
                    var allowed = Matrix[route](caller, subject);
                    var refused = Refusals.Contains(answer);
                    // A declared caller gets past the check (its empty body then fails later, never with a caller code);
                    // anyone else is refused by the check itself, never by validation and never with a 2xx.
                    if (allowed == refused || (!allowed && (int)answer.StatusCode < 300))
                        wrong.Add($"{method} {path} as {caller}: {(int)answer.StatusCode} {answer.Item2} (declared: {allowed})");
                }

            var unknownPath = Regex.Replace(template, @"\{[^}]+\}", Utility);
            using var unknown = await _host.PushAsync(unknownPath, "{}"u8.ToArray(), UnknownKey, "whatever");
            if ((unknown.StatusCode, await CodeOfAsync(unknown)) != (HttpStatusCode.Unauthorized, "ACCESS_KEY_UNKNOWN"))
                wrong.Add($"{method} {unknownPath} with an unknown key: {(int)unknown.StatusCode}");
        }

        Assert.True(wrong.Count == 0, "caller check wrong for:\n" + string.Join("\n", wrong));
        Assert.Equal(before, await _host.CaseCountAsync());
    }

    /// <summary>Path ids to try: the caller itself (if a counterpart) and a counterpart it would impersonate.</summary>
    private static IEnumerable<string?> SubjectsFor(string template, string caller)
    {
        if (!template.Contains('{')) return [null];
        var impersonated = template.EndsWith("/events") || template.EndsWith("/appointments") ? OtherUtility : OtherDepartment;
        return caller is Utility or Department ? [caller, impersonated] : [impersonated];
    }

    /// <summary>"METHOD /pattern" of every route that refuses an unsigned call as a signed route does.</summary>
    private async Task<List<string>> SignedRoutesAsync()
    {
        var routes = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Template: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().ToList();
        Assert.Contains(routes, r => r.Template == "/api/portals/zhejiang/applications");

        var signed = new List<string>();
        foreach (var (method, template) in routes)
        {
            var path = Regex.Replace(template, @"\{[^}]+\}", Utility);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET") request.Content = new ByteArrayContent("{}"u8.ToArray());
            using var response = await _host.Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Unauthorized && await CodeOfAsync(response) == "SIGNATURE_MISSING")
                signed.Add($"{method} {template}");
        }
        return signed;
    }

    /// <summary>The problem's <c>code</c>, or a SOAP fault's first Error/@Code.</summary>
    private static async Task<string?> CodeOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.TrimStart().StartsWith('<'))
        {
            var fault = XDocument.Parse(text).Root?.Element(PortalPushes.SoapEnv + "Body")?.Element(PortalPushes.SoapEnv + "Fault");
            var error = fault?.Element("detail")?.Elements().FirstOrDefault(e => e.Name.LocalName == "Error");
            return (string?)error?.Attribute("Code");
        }
        try { return (string?)JsonNode.Parse(text)?["code"]; }
        catch (System.Text.Json.JsonException) { return null; }
    }
}

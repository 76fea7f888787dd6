using System.CommandLine;
using System.Net.Http.Headers;
using Gateway.Adapters.Security;

namespace Gateway.Cli;

/// <summary>
/// <c>push &lt;file&gt;</c>: signs a sample application the way a portal would and posts it, so a newcomer can
/// try the gateway without writing a client. Uses the gateway's own signing code.
/// </summary>
public static class PushCommand
{
    public static Command Create(Option<string> url)
    {
        var file = new Argument<FileInfo>("file") { Description = "Application file, e.g. config/samples/zhejiang/keqiao-factory.json" };
        var portal = new Option<string?>("--portal") { Description = "Portal id (default: the file's folder name)" };
        var secret = new Option<string?>("--secret") { Description = "Portal secret (prefer --secret-file or $GATEWAY_PORTAL_SECRET / $GATEWAY_PORTAL_SECRET_FILE; else the embedded dev secret)" };
        var secretFile = new Option<string?>("--secret-file") { Description = "File whose first line is the portal secret" };
        var algorithm = new Option<string>("--algorithm")
        {
            Description = "hmac-sha256 or hmac-sm3",
            DefaultValueFactory = _ => SignatureHeaders.HmacSha256,
        };
        var command = new Command("push", "Sign and push an application file as its portal would") { file, portal, secret, secretFile, algorithm };
        command.SetAction(async (parse, ct) =>
        {
            var path = CliPaths.Resolve(parse.GetValue(file)!, parse.GetResult(file)!.Tokens[0].Value);
            if (!path.Exists)
            {
                Console.Error.WriteLine($"push: no such file: {path.FullName}");
                return 2;
            }
            var portalId = parse.GetValue(portal) ?? path.Directory?.Name ?? "";
            var key = CliSecret.Resolve(parse.GetValue(secret), parse.GetValue(secretFile), "GATEWAY_PORTAL_SECRET") ?? $"dev-only-secret-{portalId}";
            var body = await File.ReadAllBytesAsync(path.FullName, ct);

            var (resource, contentType) = portalId switch
            {
                "henan" => ($"/api/portals/{portalId}/applications", "application/xml"),
                "project-approval" => ("/soap/project-approval", "text/xml"),
                _ => ($"/api/portals/{portalId}/applications", "application/json"),
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(parse.GetValue(url)!), resource))
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) { CharSet = contentType == "application/xml" ? null : "utf-8" } } },
            };
            if (portalId == "project-approval") request.Headers.Add("SOAPAction", "\"urn:gcjs:hookup:v1/SubmitHookupDemand\"");
            await OutboundSigningHandler.SignAsync(request, new SigningCredentials(portalId, key, parse.GetValue(algorithm)!), DateTimeOffset.UtcNow, ct);

            using var http = new HttpClient();
            try
            {
                using var response = await http.SendAsync(request, ct);
                Console.WriteLine($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                if (response.Headers.Location is { } location) Console.WriteLine($"Location: {location}");
                Console.WriteLine(await response.Content.ReadAsStringAsync(ct));
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"push: cannot reach {parse.GetValue(url)}: {ex.Message}");
                return 3;
            }
        });
        return command;
    }
}

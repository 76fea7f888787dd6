using System.Diagnostics;
using System.Net.Http.Headers;
using System.ServiceModel.Channels;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SoapCore;

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Critical);
builder.Services.AddSoapCore();
builder.Services.AddSingleton<HookupDemandService>();
builder.Services.AddSingleton<DecisionsService>();
var app = builder.Build();
// The gateway's order: body read once (1 MiB), digest checked against the signed header, before SoapCore parses.
app.Use(async (ctx, next) =>
{
    if (HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.Headers.TryGetValue("X-Gw-Content-SHA256", out var claimed))
    {
        ctx.Request.EnableBuffering();
        using var copy = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(copy);
        ctx.Request.Body.Position = 0;
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy.ToArray()));
        if (digest != claimed.ToString()) { ctx.Response.StatusCode = 401; await ctx.Response.WriteAsync("BODY_DIGEST_MISMATCH"); return; }
    }
    await next();
});
app.UseRouting();
// The gateway's validation fault, byte for byte in shape: detail lists one tns:Error per problem.
app.MapPost("/raw-fault", async ctx =>
{
    ctx.Response.StatusCode = 500; ctx.Response.ContentType = "text/xml; charset=utf-8";
    await ctx.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>申请内容校验未通过（共 N 处问题）</faultstring><detail>" +
        "<Error Field=\"ProjectCode\" Code=\"REGION_MISMATCH\" xmlns=\"urn:gcjs:hookup:v1\">项目代码与行政区划不一致</Error>" +
        (ctx.Request.Query.ContainsKey("two") ? "<Error Field=\"Enterprise/Uscc\" Code=\"USCC_CHECKSUM\" xmlns=\"urn:gcjs:hookup:v1\">校验位错误</Error>" : "") +
        "</detail></soap:Fault></soap:Body></soap:Envelope>");
});
// SoapCore on the endpoint routes, as the gateway would host it (the digest check above runs in front of it).
IEndpointRouteBuilder routes = app;
{
    routes.UseSoapEndpoint<HookupDemandService>(o =>
    {
        o.Path = "/soap/project-approval";
        o.SoapSerializer = SoapSerializer.XmlSerializer;
        o.EncoderOptions = [new SoapEncoderOptions
        {
            MessageVersion = MessageVersion.Soap11,
            WriteEncoding = new UTF8Encoding(false),
            ReaderQuotas = new System.Xml.XmlDictionaryReaderQuotas { MaxDepth = 32, MaxStringContentLength = 1 << 20 },
        }];
    });
    routes.UseSoapEndpoint<DecisionsService>(o =>
    {
        o.Path = "/soap/departments";
        o.SoapSerializer = SoapSerializer.XmlSerializer;
        o.EncoderOptions = [new SoapEncoderOptions { MessageVersion = MessageVersion.Soap11, WriteEncoding = new UTF8Encoding(false) }];
    });
}
await app.StartAsync();
var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
using var http = new HttpClient { BaseAddress = baseUrl };
var outDir = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "out");
Directory.CreateDirectory(outDir);

async Task Probe(string name, string path, byte[] body, string contentType = "text/xml; charset=utf-8", string? action = "\"urn:gcjs:hookup:v1/SubmitHookupDemand\"", string? digest = null)
{
    var req = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
    req.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    if (action is not null) req.Headers.TryAddWithoutValidation("SOAPAction", action);
    if (digest is not null) req.Headers.TryAddWithoutValidation("X-Gw-Content-SHA256", digest);
    HookupDemandService.LastSeen = "";
    var sw = Stopwatch.StartNew();
    string result;
    try
    {
        using var resp = await http.SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        result = $"HTTP {(int)resp.StatusCode} {resp.Content.Headers.ContentType}\n{text}";
    }
    catch (Exception ex) { result = "EXCEPTION " + ex.GetType().Name + ": " + ex.Message; }
    var line = $"=== {name} ({sw.ElapsedMilliseconds} ms)\nservice saw: {(HookupDemandService.LastSeen == "" ? "(not called)" : HookupDemandService.LastSeen)}\n{result}\n";
    Console.WriteLine(line.Length > 3000 ? line[..3000] + "…[cut]" : line);
    await File.AppendAllTextAsync(Path.Combine(outDir, "probes.txt"), line + "\n");
}

static byte[] Env(string payload, string decl = "<?xml version=\"1.0\" encoding=\"utf-8\"?>", string envNs = "http://schemas.xmlsoap.org/soap/envelope/", string header = "") =>
    Encoding.UTF8.GetBytes($"{decl}<soap:Envelope xmlns:soap=\"{envNs}\">{header}<soap:Body>{payload}</soap:Body></soap:Envelope>");

const string Good = "<SubmitHookupDemand xmlns=\"urn:gcjs:hookup:v1\"><DemandNo>GCJS-1</DemandNo><RegionCode>410928</RegionCode><Stage>CONSTRUCTION_PERMIT</Stage><ProjectCode>2026-410928-44-01-000112</ProjectCode><Enterprise><Name>濮阳</Name><Uscc>91410928MA47LQ2E8C</Uscc></Enterprise><Water Business=\"NEW\"><DailyTons>80</DailyTons></Water><DistanceToMainM>300</DistanceToMainM><OuterWork Service=\"WATER\"><LengthM>60</LengthM></OuterWork></SubmitHookupDemand>";

foreach (var (name, path) in new[] { ("wsdl-project-approval", "/soap/project-approval?wsdl"), ("wsdl-departments", "/soap/departments?wsdl") })
{
    using var resp = await http.GetAsync(path);
    var text = await resp.Content.ReadAsStringAsync();
    await File.WriteAllTextAsync(Path.Combine(outDir, name + ".xml"), text);
    Console.WriteLine($"=== {name}: HTTP {(int)resp.StatusCode}, {text.Length} chars -> {name}.xml");
}
File.Delete(Path.Combine(outDir, "probes.txt"));
await Probe("P01 valid", "/soap/project-approval", Env(Good));
await Probe("P02 fault with two errors (IXmlSerializable list detail)", "/soap/project-approval", Env(Good.Replace("GCJS-1", "FAULT")));
await Probe("P03 fault with one typed Error detail", "/soap/project-approval", Env(Good.Replace("GCJS-1", "FAULT1")));
await Probe("P04 unhandled exception in service", "/soap/project-approval", Env(Good.Replace("GCJS-1", "BOOM")));
await Probe("P05 DemandNo twice", "/soap/project-approval", Env(Good.Replace("<RegionCode>", "<DemandNo>GCJS-2</DemandNo><RegionCode>")));
await Probe("P06 Water twice (DUPLICATE_SERVICE in contract)", "/soap/project-approval", Env(Good.Replace("<DistanceToMainM>", "<Water Business=\"NEW\"><DailyTons>5</DailyTons></Water><DistanceToMainM>")));
await Probe("P07 children out of order (RegionCode first, Enterprise last)", "/soap/project-approval",
    Env("<SubmitHookupDemand xmlns=\"urn:gcjs:hookup:v1\"><RegionCode>410928</RegionCode><DistanceToMainM>300</DistanceToMainM><DemandNo>GCJS-1</DemandNo><Stage>CONSTRUCTION_PERMIT</Stage><Enterprise><Uscc>U</Uscc><Name>N</Name></Enterprise></SubmitHookupDemand>"));
await Probe("P08 DistanceToMainM not a number", "/soap/project-approval", Env(Good.Replace("<DistanceToMainM>300", "<DistanceToMainM>三百")));
await Probe("P09 DTD with internal entity (billion-laughs shape)", "/soap/project-approval",
    Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + Good.Replace("GCJS-1", "&b;") + "</soap:Body></soap:Envelope>"));
await Probe("P10 XXE external entity", "/soap/project-approval",
    Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>" +
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + Good.Replace("GCJS-1", "&e;") + "</soap:Body></soap:Envelope>"));
var deep40 = string.Concat(Enumerable.Repeat("<x>", 40)) + string.Concat(Enumerable.Repeat("</x>", 40));
await Probe("P11 nesting 40 levels inside an unknown child", "/soap/project-approval", Env(Good.Replace("<DistanceToMainM>", deep40 + "<DistanceToMainM>")));
var deep = string.Concat(Enumerable.Repeat("<x>", 50000)) + string.Concat(Enumerable.Repeat("</x>", 50000));
if (Environment.GetEnvironmentVariable("DEEP") == "1") await Probe("P12 nesting 50 000 levels", "/soap/project-approval", Env(Good.Replace("<DistanceToMainM>", deep + "<DistanceToMainM>")));
await Probe("P13 body 1.5 MiB", "/soap/project-approval", Env(Good.Replace("濮阳", new string('濮', 520_000))));
await Probe("P14 encoding ISO-8859-1 declared", "/soap/project-approval", Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(Env(Good.Replace("濮阳", "Puyang"), "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"))));
await Probe("P15 encoding GBK declared, GBK bytes", "/soap/project-approval", Encoding.GetEncoding("GBK").GetBytes(Encoding.UTF8.GetString(Env(Good, "<?xml version=\"1.0\" encoding=\"GBK\"?>"))), "text/xml; charset=GBK");
await Probe("P16 not well-formed", "/soap/project-approval", Encoding.UTF8.GetBytes("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><SubmitHookupDemand"));
await Probe("P17 SOAP 1.2 envelope", "/soap/project-approval", Env(Good, envNs: "http://www.w3.org/2003/05/soap-envelope"), "application/soap+xml; charset=utf-8", null);
await Probe("P18 SOAPAction wrong", "/soap/project-approval", Env(Good), action: "\"urn:other\"");
await Probe("P19 SOAPAction missing", "/soap/project-approval", Env(Good), action: null);
await Probe("P20 Content-Type application/json", "/soap/project-approval", Env(Good), "application/json");
await Probe("P21 empty soap:Body", "/soap/project-approval", Env(""));
await Probe("P22 other operation element in Body", "/soap/project-approval", Env("<Other xmlns=\"urn:gcjs:hookup:v1\"/>"));
await Probe("P23 mustUnderstand header", "/soap/project-approval", Env(Good, header: "<soap:Header><h:Sec xmlns:h=\"urn:x\" soap:mustUnderstand=\"1\"/></soap:Header>"));
await Probe("P24 not a SOAP envelope", "/soap/project-approval", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>" + Good));
await Probe("P25 payload element in wrong namespace", "/soap/project-approval", Env(Good.Replace("xmlns=\"urn:gcjs:hookup:v1\"", "xmlns=\"urn:wrong\"")));
await Probe("P26 departments valid", "/soap/departments",
    Env("<ReportDecision xmlns=\"urn:hookup:counterpart:v1\"><eventId>e1</eventId><dispatchId>d1</dispatchId><decision>APPROVED</decision></ReportDecision>"),
    action: "\"urn:hookup:counterpart:v1/ReportDecision\"");
await Probe("P27 unknown child, one level", "/soap/project-approval", Env(Good.Replace("<DistanceToMainM>", "<Unknown>1</Unknown><DistanceToMainM>")));
await Probe("P28 DemandNo twice, adjacent", "/soap/project-approval", Env(Good.Replace("<DemandNo>GCJS-1</DemandNo>", "<DemandNo>GCJS-1</DemandNo><DemandNo>GCJS-2</DemandNo>")));
await Probe("P29 OuterWork LengthM twice", "/soap/project-approval", Env(Good.Replace("<LengthM>60</LengthM>", "<LengthM>60</LengthM><LengthM>70</LengthM>")));
await Probe("P30 prefixed payload (g:)", "/soap/project-approval", Env(Good.Replace("<SubmitHookupDemand xmlns=\"urn:gcjs:hookup:v1\">", "<g:SubmitHookupDemand xmlns:g=\"urn:gcjs:hookup:v1\" xmlns=\"urn:gcjs:hookup:v1\">").Replace("</SubmitHookupDemand>", "</g:SubmitHookupDemand>")));
await Probe("P31 digest of the exact bytes, checked in front", "/soap/project-approval", Env(Good), digest: Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Env(Good))));
await Probe("P32 digest mismatch, checked in front", "/soap/project-approval", Env(Good), digest: new string('0', 64));
foreach (var q in new[] { "", "?two" })
{
    var f = new System.ServiceModel.ChannelFactory<IOneErrorClient>(new System.ServiceModel.BasicHttpBinding(), new System.ServiceModel.EndpointAddress(new Uri(baseUrl, "/raw-fault" + q)));
    string outcome;
    try { await f.CreateChannel().SubmitHookupDemandAsync(new SubmitHookupDemandRequest()); outcome = "no exception"; }
    catch (System.ServiceModel.FaultException<OneError> e) { outcome = $"FaultException<OneError> Field={e.Detail.Field} Code={e.Detail.Code}"; }
    catch (Exception e) { outcome = e.GetType().FullName + ": " + e.Message; }
    f.Abort();
    var line = $"=== WCF client, FaultContract(OneError), detail with {(q == "" ? "one Error" : "two Error siblings")}: {outcome}\n";
    Console.WriteLine(line); await File.AppendAllTextAsync(Path.Combine(outDir, "probes.txt"), line + "\n");
}
await app.StopAsync();

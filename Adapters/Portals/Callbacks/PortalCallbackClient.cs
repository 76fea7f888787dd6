using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml;
using Gateway.Adapters.Counterparts;
using Gateway.Adapters.Counterparts.Resilience;
using Gateway.Adapters.Counterparts.Rest;
using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Gateway.Contracts.Json;
using Gateway.Contracts.Messages;
using Gateway.Contracts.Portals;

namespace Gateway.Adapters.Portals.Callbacks;

/// <summary>
/// Tells a portal what happened to its application (docs/portals.md, "Progress callbacks to portals"): a signed
/// JSON POST to a REST portal's callback URL, a SOAP <c>NotifyProgress</c> to the project-approval platform. Same
/// signing and resilience pipeline as work orders; the event id is the Idempotency-Key.
/// </summary>
public sealed class PortalCallbackClient(IHttpClientFactory httpClients)
{
    public const string SoapNamespace = "urn:gcjs:hookup:v1";

    public async Task<(bool Delivered, string? Error)> SendAsync(string portal, CounterpartEndpoint endpoint, PortalEvent portalEvent, CancellationToken cancellationToken)
    {
        var soap = portal == PortalIds.ProjectApproval;
        var body = soap ? SoapBody(portalEvent) : JsonSerializer.SerializeToUtf8Bytes(portalEvent, GatewayJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.BaseUrl)
        {
            Content = new ByteArrayContent(body)
            {
                Headers = { ContentType = new MediaTypeHeaderValue(soap ? "text/xml" : "application/json") { CharSet = "utf-8" } },
            },
        };
        if (soap) request.Headers.Add("SOAPAction", $"\"{SoapNamespace}/NotifyProgress\"");
        request.Headers.Add("Idempotency-Key", portalEvent.EventId);
        request.Headers.Add("X-Correlation-Id", portalEvent.CaseId);
        request.Options.Set(CounterpartResilience.EndpointKey, endpoint);
        request.Options.Set(SigningCredentials.OptionKey, new SigningCredentials(SignatureHeaders.GatewayAccessKey, endpoint.Secret));
        try
        {
            // Same client as work orders (no redirects); the answer's body is read bounded, never buffered whole.
            using var response = await httpClients.CreateClient(RestCounterpartClient.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.IsSuccessStatusCode) return (true, null);
            using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bodyTimeout.CancelAfter(endpoint.Resilience.TimeoutPerTry);
            var text = await BoundedResponse.ReadAsync(response, bodyTimeout.Token);
            return (false, $"HTTP {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"the answer's body did not arrive within {endpoint.Resilience.TimeoutPerTry.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return (false, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static byte[] SoapBody(PortalEvent e)
    {
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("soap", "Envelope", "http://schemas.xmlsoap.org/soap/envelope/");
            xml.WriteStartElement("soap", "Body", "http://schemas.xmlsoap.org/soap/envelope/");
            xml.WriteStartElement("NotifyProgress", SoapNamespace);
            void Field(string name, string? value)
            {
                if (value is not null) xml.WriteElementString(name, SoapNamespace, value);
            }
            Field("EventId", e.EventId);
            Field("PortalApplicationNo", e.PortalApplicationNo);
            Field("CaseId", e.CaseId);
            Field("Event", e.Event);
            Field("Service", e.Service);
            Field("CounterpartId", e.CounterpartId);
            Field("At", e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFzzz", System.Globalization.CultureInfo.InvariantCulture));
            Field("Detail", e.Detail);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }
}

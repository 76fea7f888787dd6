using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// The one check that keeps /openapi/v1.json true: every JSON answer a test receives through the hosts' HTTP clients
/// is validated against the document — the operation (method + path template) must be documented, the status must be
/// one of its responses with that media type, and the body must match the schema. Objects are checked closed (no
/// property the schema does not name), so a field added to a handler without the document fails too. Answers of routes
/// the document does not list (sandbox, unknown paths) are left alone.
/// </summary>
public sealed class OpenApiResponseCheck(Func<Task<JsonObject>> loadDocument) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Contract? _contract;

    /// <summary>Switched off only by tests that read the document itself or answer on purpose outside it.</summary>
    public bool Enabled { get; set; } = true;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!Enabled || !IsJson(response.Content.Headers.ContentType) || request.RequestUri is null) return response;
        var path = request.RequestUri.AbsolutePath;
        if (path.StartsWith("/openapi/", StringComparison.Ordinal)) return response;

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var copy = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = copy;

        var contract = await ContractAsync();
        var problem = contract.Check(request.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType!.MediaType!, bytes);
        if (problem is not null)
            throw new OpenApiDriftException($"{request.Method} {path} → {(int)response.StatusCode}: {problem}\nbody: {System.Text.Encoding.UTF8.GetString(bytes)}");
        return response;
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is "application/json" or "application/problem+json";

    private async Task<Contract> ContractAsync()
    {
        if (_contract is not null) return _contract;
        await _lock.WaitAsync();
        try
        {
            return _contract ??= Contracts.GetOrAdd("v1", _ => new Lazy<Task<Contract>>(async () => new Contract(await loadDocument()))).Value.Result;
        }
        finally
        {
            _lock.Release();
        }
    }

    // One document per test process: every host is the same build.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<Contract>>> Contracts = new();

    private sealed class Contract
    {
        private readonly List<(string Method, Regex Path, JsonObject Operation)> _operations = [];
        private readonly JsonObject _defs;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> _schemas = new();

        public Contract(JsonObject document)
        {
            _defs = Rewrite(document["components"]?["schemas"]?.DeepClone() ?? new JsonObject()).AsObject();
            foreach (var (_, schema) in _defs) Close(schema);
            foreach (var (template, item) in document["paths"]!.AsObject())
            {
                var pattern = "^" + Regex.Replace(Regex.Escape(template).Replace(@"\{", "{"), "{[^}/]+}", "[^/]+") + "/?$";
                foreach (var (method, operation) in item!.AsObject())
                    _operations.Add((method.ToUpperInvariant(), new Regex(pattern), operation!.AsObject()));
            }
        }

        public string? Check(HttpMethod method, string path, int status, string mediaType, byte[] body)
        {
            var operation = _operations.FirstOrDefault(o => o.Method == method.Method && o.Path.IsMatch(path)).Operation;
            if (operation is null) return null;
            var response = operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            if (response is null) return $"status {status} is not documented for this operation";
            var schemaNode = response["content"]?[mediaType]?["schema"];
            if (schemaNode is null) return $"media type {mediaType} is not documented for status {status}";

            var key = schemaNode.ToJsonString();
            var schema = _schemas.GetOrAdd(key, _ =>
            {
                var root = Rewrite(schemaNode.DeepClone());
                Close(root);
                var wrapper = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$defs"] = _defs.DeepClone(), ["allOf"] = new JsonArray(root) };
                return JsonSchema.FromText(wrapper.ToJsonString());
            });
            JsonNode? instance;
            try
            {
                instance = body.Length == 0 ? null : JsonNode.Parse(body);
            }
            catch (System.Text.Json.JsonException ex)
            {
                return "not JSON: " + ex.Message;
            }
            var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid) return null;
            // The list output also holds the failures of branches that did not need to pass (the null branch of a nullable
            // value): those are left out of the message.
            var errors = result.Details.Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .Where(e => !e.EndsWith("but should be \"null\"", StringComparison.Ordinal)).Take(15);
            return "body does not match the documented schema:\n  " + string.Join("\n  ", errors);
        }

        /// <summary>#/components/schemas/X → #/$defs/X, so the schemas are one JSON Schema 2020-12 document.</summary>
        private static JsonNode Rewrite(JsonNode node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, value) in o.ToList())
                    {
                        if (name == "$ref" && value is JsonValue v && v.GetValue<string>() is { } r && r.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                            o["$ref"] = "#/$defs/" + r["#/components/schemas/".Length..];
                        else if (value is not null)
                            Rewrite(value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a) if (item is not null) Rewrite(item);
                    break;
            }
            return node;
        }

        /// <summary>Objects with named properties admit no others (unless the schema says otherwise).</summary>
        private static void Close(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["properties"] is JsonObject && !o.ContainsKey("additionalProperties") && !o.ContainsKey("unevaluatedProperties"))
                        o["additionalProperties"] = false;
                    foreach (var (_, value) in o.ToList()) Close(value);
                    break;
                case JsonArray a:
                    foreach (var item in a) Close(item);
                    break;
            }
        }
    }
}

/// <summary>A JSON answer the OpenAPI document does not describe.</summary>
public sealed class OpenApiDriftException(string message) : Exception(message);

using System.Text.Json.Nodes;
using Gateway.Adapters.Http;
using Gateway.Adapters.Security;
using Gateway.Adapters.Soap;
using Gateway.Host.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gateway.Host.OpenApi;

/// <summary>
/// What every operation gets from its endpoint metadata: the security it needs (signature headers for a route with a
/// <see cref="CallerRule"/>, the bearer token and role for a <see cref="RequiredAdminRole"/>, none otherwise), the
/// 500/503 problems any /api route can answer, and its request example read from <c>config/samples/</c>.
/// </summary>
public sealed class OperationTransformer(string samplesDirectory) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        var role = metadata.OfType<RequiredAdminRole>().LastOrDefault();
        if (metadata.OfType<CallerRule>().Any())
        {
            operation.Security = [SignatureSchemes.Signed(document)];
            operation.Description = Join(operation.Description, "签名调用 (signed call): X-Gw-* headers, see the security schemes.");
        }
        else if (role is not null)
        {
            var name = role.Role.ToString().ToLowerInvariant();
            operation.Security = [SignatureSchemes.Admin(document, name)];
            operation.Description = Join(operation.Description, $"所需角色 (role needed): {name} or above.");
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-required-role"] = new JsonNodeExtension(JsonValue.Create(name));
        }
        else
        {
            operation.Security = [];
        }

        if (metadata.OfType<WsdlQuery>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "wsdl", In = ParameterLocation.Query, Required = true,
                Description = "出现即返回 WSDL (present, with or without a value: answers the WSDL)",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        var path = "/" + (context.Description.RelativePath ?? "").TrimStart('/');
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            AddProblem(operation, document, "500", "网关内部错误 (internal error)");
            AddProblem(operation, document, "503", "存储暂不可用 (store unreachable; retry after Retry-After seconds)");
        }

        if (metadata.OfType<RequestBodyDescription>().LastOrDefault() is { } body)
        {
            var schema = await SchemaAsync(body.Type, document, context, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = body.ContentTypes.ToDictionary(c => c, _ => new OpenApiMediaType { Schema = schema }),
            };
        }

        foreach (var sample in metadata.OfType<RequestSample>())
            if (operation.RequestBody?.Content is { } content && content.TryGetValue(sample.ContentType, out var media)
                && media is OpenApiMediaType mediaType)
            {
                var text = File.ReadAllText(Path.Combine(samplesDirectory, sample.RelativePath.Replace('/', Path.DirectorySeparatorChar)));
                mediaType.Example = sample.ContentType.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : JsonValue.Create(text);
            }
    }

    /// <summary>A plain string inline; any other type as a component of its own name.</summary>
    private static async Task<IOpenApiSchema> SchemaAsync(Type type, OpenApiDocument document, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (type == typeof(string)) return new OpenApiSchema { Type = JsonSchemaType.String };
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(type.Name))
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        return new OpenApiSchemaReference(type.Name, document);
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        if (operation.Responses.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Problems.ContentType] = new() { Schema = new OpenApiSchemaReference(SchemaNames.Problem, document) },
            },
        };
    }

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : first + "\n\n" + second;
}

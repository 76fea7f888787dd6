using System.Reflection;
using System.Text.Json.Nodes;
using Gateway.Adapters.Http;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Portals.Validation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gateway.Host.OpenApi;

/// <summary>The stable codes as enumerations: a problem's <c>code</c> and a field error's <c>code</c>.</summary>
public sealed class SchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>Field-error codes: those of the portal agreement and those of the strict JSON reader.</summary>
    public static readonly IReadOnlyList<string> FieldCodes = ConstantsOf(typeof(ErrorCodes)).Concat(ConstantsOf(typeof(PortalJson))).Distinct().Order(StringComparer.Ordinal).ToList();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // Null is never written (absent means omitted), so a property that may be null is not required — also in an object
        // first met as another object's property (the case view's fees), whose schema is made in that property's context.
        if (schema.Required is { Count: > 0 } required && context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
            foreach (var property in context.JsonTypeInfo.Properties)
                if (property.IsGetNullable && property.PropertyType is var t && (!t.IsValueType || Nullable.GetUnderlyingType(t) is not null))
                    required.Remove(property.Name);
        if (context.JsonPropertyInfo is not null) return Task.CompletedTask;
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(Problems.Body))
        {
            schema.Description = "问题详情 (problem details, RFC 9457) with a stable code; for validation, every field error.";
            Describe(schema, "code", "稳定错误码 (stable error code):\n" + string.Join("\n", ProblemCatalogue.Codes.Select(c => $"- {c.Key}: {c.Value}")), ProblemCatalogue.Codes.Keys);
            Describe(schema, "title", "中文标题 (Chinese title)", null);
            Describe(schema, "detail", "说明 (detail, Chinese)", null);
            Describe(schema, "type", "urn:hookup-gateway:problem:<code in lower case>", null);
            Describe(schema, "instance", "请求路径 (request path)", null);
            Describe(schema, "errors", "字段错误 (field errors), each naming the caller's own field path", null);
        }
        else if (type == typeof(FieldError))
        {
            schema.Description = "字段错误 (one problem with one field)";
            Describe(schema, "field", "字段路径 (field path in the caller's own names, e.g. applicant.uscc or services[1].quantity)", null);
            Describe(schema, "code", "字段错误码 (field error code)", FieldCodes);
            Describe(schema, "message", "中文说明 (message, Chinese)", null);
        }
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema schema, string property, string description, IEnumerable<string>? values)
    {
        if (schema.Properties is null || !schema.Properties.TryGetValue(property, out var found) || found is not OpenApiSchema p) return;
        p.Description = description;
        if (values is not null) p.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
    }

    private static IEnumerable<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
}

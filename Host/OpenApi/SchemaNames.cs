using System.Text.Json.Serialization.Metadata;
using Gateway.Adapters.Http;
using Microsoft.AspNetCore.OpenApi;

namespace Gateway.Host.OpenApi;

/// <summary>Component names of the document: the type name, except for nested types that would clash.</summary>
public static class SchemaNames
{
    public const string Problem = "Problem";

    public static string? Of(JsonTypeInfo type) =>
        type.Type == typeof(Problems.Body) ? Problem : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
}

using Gateway.Contracts.Json;
using Scalar.AspNetCore;

namespace Gateway.Host.OpenApi;

/// <summary>
/// The API description: <c>GET /openapi/v1.json</c> built from the routes' metadata (ASP.NET Core OpenAPI) plus the
/// transformers of this folder, and the interactive reference (Scalar) at <c>/scalar</c> where it is enabled.
/// </summary>
public static class GatewayOpenApi
{
    public const string DocumentRoute = "/openapi/{documentName}.json";
    public const string ReferenceRoute = "/scalar";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services, string configDirectory)
    {
        // The schemas follow the wire conventions (camelCase, UPPER_SNAKE enums); handlers pass the same options.
        services.ConfigureHttpJsonOptions(o =>
        {
            GatewayJson.Configure(o.SerializerOptions);
            // Numbers are numbers on the wire (the web defaults would also describe them as strings).
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = SchemaNames.Of;
            o.AddDocumentTransformer<DocumentTransformer>();
            o.AddOperationTransformer(new OperationTransformer(Path.Combine(configDirectory, "samples")));
            o.AddSchemaTransformer<SchemaTransformer>();
        });
        return services;
    }

    public static void MapGatewayOpenApi(this WebApplication app, bool reference)
    {
        app.MapOpenApi(DocumentRoute);
        if (reference)
            app.MapScalarApiReference(ReferenceRoute, o => o.WithTitle("Hookup Gateway API").WithOpenApiRoutePattern(DocumentRoute));
    }
}

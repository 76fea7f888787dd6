using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Http;

/// <summary>
/// OpenAPI response metadata for routes: what each status carries. The document (/openapi/v1.json) is built from it,
/// and the integration tests check every JSON answer against the document, so a route that answers a status it does
/// not declare here fails a test.
/// </summary>
public static class ApiResponses
{
    /// <summary>The statuses a route answers with a problem (<see cref="Problems.Body"/>, <c>application/problem+json</c>).</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder route, params int[] statuses) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
            route.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(Problems.Body), [Problems.ContentType]));
        return route;
    }

    /// <summary>
    /// The request body for the document only. (<c>Accepts</c> would also make routing refuse other content types with
    /// a bare 415 before the handler, which answers its own problem or SOAP fault.)
    /// </summary>
    public static RouteHandlerBuilder DescribesRequestBody<T>(this RouteHandlerBuilder route, params string[] contentTypes) =>
        route.WithMetadata(new RequestBodyDescription(typeof(T), contentTypes));

    /// <summary>The operation's request example: <paramref name="relativePath"/> under <c>config/samples/</c>.</summary>
    public static TBuilder WithRequestSample<TBuilder>(this TBuilder route, string contentType, string relativePath) where TBuilder : IEndpointConventionBuilder =>
        route.WithMetadata(new RequestSample(contentType, relativePath));
}

/// <summary>
/// A sample request body under <c>config/samples/</c> (e.g. <c>zhejiang/keqiao-factory.json</c>): the OpenAPI document
/// shows it as the operation's request example.
/// </summary>
public sealed record RequestSample(string ContentType, string RelativePath);

/// <summary>What a route reads from its body, for the OpenAPI document (see <see cref="ApiResponses.DescribesRequestBody{T}"/>).</summary>
public sealed record RequestBodyDescription(Type Type, IReadOnlyList<string> ContentTypes);

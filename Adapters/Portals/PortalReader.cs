using Microsoft.AspNetCore.Http;

namespace Gateway.Adapters.Portals;

/// <summary>
/// A portal's reader: checks the media type and parses the verified body into its wire shape, or gives the problem
/// to answer with (415, malformed body, a SOAP fault…).
/// </summary>
public delegate (TWire? Value, IResult? Problem) PortalReader<TWire>(HttpRequest request, byte[] body) where TWire : class;

namespace Gateway.Host.Api;

/// <summary>OpenAPI operation names of per-portal routes: the portal id in PascalCase (<c>project-approval</c> → <c>ProjectApproval</c>).</summary>
public static class OperationNames
{
    public static string Portal(string portal) => string.Concat(portal.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}

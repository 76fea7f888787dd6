using Microsoft.Extensions.Configuration;
using Gateway.Application.Configuration;

namespace Gateway.Application.Security;

/// <summary>Reads <c>Gateway:Admin:Tokens:&lt;n&gt;:Token/Role/Name</c>; the embedded profile falls back to the dev tokens.</summary>
public static class AdminTokenReader
{
    public static IReadOnlyList<AdminToken> Read(IConfiguration config, GatewayProfile profile, List<string> problems)
    {
        var tokens = new List<AdminToken>();
        foreach (var child in config.GetSection("Gateway:Admin:Tokens").GetChildren())
        {
            var key = $"Gateway:Admin:Tokens:{child.Key}";
            var token = child["Token"];
            if (string.IsNullOrWhiteSpace(token) || token.Length < 12)
            {
                problems.Add($"{key}:Token: required, at least 12 characters");
                continue;
            }
            // By name only: Enum.TryParse would take "3" or "viewer,operator" (flags: 1|2) as admin.
            if (!TryParseRole(child["Role"], out var role))
            {
                problems.Add($"{key}:Role: '{child["Role"]}' is not viewer, operator or admin");
                continue;
            }
            tokens.Add(new AdminToken(token, role, child["Name"] is { Length: > 0 } name ? name : $"token-{child.Key}"));
        }
        if (tokens.Count == 0 && profile == GatewayProfile.Embedded)
        {
            tokens.Add(new AdminToken("dev-viewer-token", AdminRole.Viewer, "dev-viewer"));
            tokens.Add(new AdminToken("dev-operator-token", AdminRole.Operator, "dev-operator"));
        }
        if (tokens.Count == 0)
            problems.Add("Gateway:Admin:Tokens: at least one admin token is required in the production profile");
        return tokens;
    }

    public static bool TryParseRole(string? text, out AdminRole role)
    {
        foreach (var candidate in Enum.GetValues<AdminRole>())
            if (string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        role = default;
        return false;
    }
}

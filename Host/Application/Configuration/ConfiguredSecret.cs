namespace Gateway.Application.Configuration;

/// <summary>
/// The one rule for every shared secret (callers, counterparts, portal callbacks): the configured value, else — in the
/// embedded profile only — the development secret <c>dev-only-secret-&lt;party&gt;</c>, which production refuses at startup.
/// </summary>
public static class ConfiguredSecret
{
    public static string? Read(IConfiguration config, string key, string party, GatewaySettings settings) =>
        config[key] is { Length: > 0 } configured ? configured
        : settings.Profile == GatewayProfile.Embedded ? $"{GatewaySettingsReader.DevSecretPrefix}secret-{party}"
        : null;
}

namespace Gateway.Application.Configuration;

/// <summary>
/// The one rule for every shared secret (callers, counterparts, portal callbacks): the configured value, else — in the
/// embedded profile only — the development secret <c>dev-only-secret-&lt;party&gt;</c>, which production refuses at startup.
/// </summary>
public static class ConfiguredSecret
{
    public static string? Of(string? configured, string party, GatewaySettings settings) =>
        configured is { Length: > 0 } ? configured
        : settings.Profile == GatewayProfile.Embedded ? $"{GatewaySettingsReader.DevSecretPrefix}secret-{party}"
        : null;
}

using Gateway.Application.Configuration;

namespace Gateway.UnitTests.Configuration;

/// <summary>The interactive API reference: on for the embedded profile, off for production, unless configured.</summary>
public sealed class ApiReferenceOptionsTests
{
    [Theory]
    [InlineData(null, GatewayProfile.Embedded, true)]
    [InlineData(null, GatewayProfile.Production, false)]
    [InlineData(true, GatewayProfile.Production, true)]
    [InlineData(false, GatewayProfile.Embedded, false)]
    public void Unset_follows_the_profile_and_a_configured_value_wins(bool? configured, GatewayProfile profile, bool served) =>
        Assert.Equal(served, new ApiReferenceOptions { Enabled = configured }.EnabledFor(profile));
}

using AutoMapper;
using AutoMapper.Internal;
using Gateway.Adapters.Portals;
using Gateway.Adapters.Portals.Henan;
using Gateway.Adapters.Portals.Hubei;
using Gateway.Adapters.Portals.ProjectApproval;
using Gateway.Adapters.Portals.Zhejiang;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.UnitTests.Portals;

public sealed class PortalProfilesTests
{
    [Fact]
    public void Every_profile_registered_through_PortalAdapters_maps_every_canonical_member() =>
        new MapperConfiguration(PortalAdapters.AddProfiles, NullLoggerFactory.Instance).AssertConfigurationIsValid();

    [Theory]
    [InlineData(typeof(ZhejiangProfile))]
    [InlineData(typeof(HenanProfile))]
    [InlineData(typeof(HubeiProfile))]
    [InlineData(typeof(ProjectApprovalProfile))]
    public void Each_portal_profile_is_valid_on_its_own(Type profile) =>
        new MapperConfiguration(cfg => cfg.AddProfile(profile), NullLoggerFactory.Instance).AssertConfigurationIsValid();

    [Fact]
    public void PortalAdapters_registers_one_profile_per_portal()
    {
        var configuration = new MapperConfiguration(PortalAdapters.AddProfiles, NullLoggerFactory.Instance);
        var sources = configuration.Internal().GetAllTypeMaps()
            .Where(m => m.DestinationType == typeof(Gateway.Contracts.Cases.HookupApplication))
            .Select(m => m.SourceType).ToHashSet();
        Assert.Equal(new HashSet<Type> { typeof(ZhejiangApplication), typeof(HenanApplication), typeof(HubeiForm), typeof(ProjectApprovalDemand) }, sources);
    }
}

using Gateway.Application.Configuration;
using Microsoft.Extensions.Configuration;

namespace Gateway.UnitTests.Configuration;

/// <summary>What the embedded profile's fail-closed check counts as a non-loopback listen address: what Kestrel will bind.</summary>
public sealed class ListenAddressTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Ports_alone_bind_every_interface() =>
        Assert.Single(ListenAddress.NonLoopback(Config(("http_ports", "8080"))));

    [Fact]
    public void Urls_beat_the_ports_a_container_image_sets_by_default() =>
        Assert.Empty(ListenAddress.NonLoopback(Config(("urls", "http://127.0.0.1:5080"), ("http_ports", "8080"))));

    [Fact]
    public void Kestrel_endpoints_beat_urls()
    {
        Assert.Empty(ListenAddress.NonLoopback(Config(("urls", "http://0.0.0.0:5080"), ("Kestrel:Endpoints:Http:Url", "http://[::1]:5080"))));
        Assert.Equal(["http://0.0.0.0:5080"], ListenAddress.NonLoopback(Config(("urls", "http://0.0.0.0:5080"))));
    }
}

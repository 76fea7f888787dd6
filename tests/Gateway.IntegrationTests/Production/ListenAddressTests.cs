using System.Net;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Production;

/// <summary>
/// The listen address follows the ecosystem's conventions: <c>ASPNETCORE_URLS</c> alone moves it (as containers set
/// it), and the built-in default never beats an address named by a standard source.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class ListenAddressTests
{
    [Fact]
    public async Task Aspnetcore_urls_alone_moves_the_listen_address()
    {
        var work = Directory.CreateTempSubdirectory("gateway-urls-").FullName;
        try
        {
            // No --urls and no Urls key: only the environment variable names the port.
            await using var gateway = await GatewayProcess.StartAsync("env-urls", [], work, TimeSpan.FromSeconds(60),
                new GatewayLaunch { AddressFromEnvironment = true, Client = GatewayHost.CheckedClient });

            using var live = await gateway.Http.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Contains($"Now listening on: {gateway.BaseUrl.ToString().TrimEnd('/')}", gateway.OutputTail(200));
            Assert.DoesNotContain("Now listening on: http://127.0.0.1:5080", gateway.OutputTail(200));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

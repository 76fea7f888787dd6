using Gateway.Host;
using Gateway.Application.Configuration;
using Gateway.Cli;
using Gateway.Routing.Regions;

// `dotnet run --project Host` serves; `dotnet run --project Host -- <verb> …` runs an operator verb.
if (GatewayCli.IsVerb(args)) return await GatewayCli.RunAsync(args);

var serveArgs = args.Length > 0 && args[0] == "serve" ? args[1..] : args;
try
{
    var app = await GatewayApp.BuildAsync(serveArgs);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is ConfigurationException or RegionConfigException or InvalidDataException)
{
    Console.Error.WriteLine($"gateway: refusing to start: {ex.Message}");
    return 2;
}

// ala-silo: a standalone silo hosting the AdaptiveLoss grains (localhost clustering; spec §3). Wiring only.
// Terminal 1: ./ala-silo [--silo-port 11111] [--gateway-port 30000]; terminal 2: ./ala run --cluster localhost ...
using AdaptiveLoss.Grains;
using AdaptiveLoss.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, SiloOptions.SwitchMappings);
var ports = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
// Orleans (membership) and Polly (placement retries) log every step at Information: keep warnings and our own lines.
builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.UseOrleans(silo => silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort).AddAdaptiveLossGrains());

var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"ala-silo: silo port {ports.SiloPort}, gateway localhost:{ports.GatewayPort}; "
    + $"submit with ./ala run --cluster localhost:{ports.GatewayPort}; Ctrl+C stops");
await host.WaitForShutdownAsync();

// ala-silo: a standalone silo hosting the AdaptiveLoss grains (localhost clustering; spec §3). Wiring only.
// Terminal 1: ./ala-silo [--silo-port 11111] [--gateway-port 30000] [--telemetry none|console|otlp]; terminal 2: ./ala run --cluster localhost ...
using AdaptiveLoss.Grains;
using AdaptiveLoss.ServiceDefaults;
using AdaptiveLoss.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, SiloOptions.SwitchMappings);
var ports = builder.Configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
if (!SiloOptions.TryTelemetry(builder.Configuration, out var telemetry, out var problem))
{
    Console.Error.WriteLine($"ala-silo: {problem}");
    return 2;
}

// Orleans (membership) and Polly (placement retries) log every step at Information: keep warnings and our own lines.
builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning);
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.AddAdaptiveLossTelemetry(telemetry, "ala-silo");
builder.UseOrleans(silo => silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort).AddActivityPropagation().AddAdaptiveLossGrains());

var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"ala-silo: silo port {ports.SiloPort}, gateway localhost:{ports.GatewayPort}, telemetry {TelemetryExporters.Names[(int)telemetry]}; "
    + $"submit with ./ala run --cluster localhost:{ports.GatewayPort}; Ctrl+C stops");
await host.WaitForShutdownAsync();
return 0;

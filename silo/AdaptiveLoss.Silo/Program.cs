// ala-silo: a standalone silo hosting the AdaptiveLoss grains (localhost clustering; spec §3). Wiring only.
// Terminal 1: ./ala-silo [--silo-port 11111] [--gateway-port 30000] [--dashboard [--dashboard-port 8080]]
//                        [--telemetry none|console|otlp];
// terminal 2: ./ala run --cluster localhost ...
using AdaptiveLoss.Grains;
using AdaptiveLoss.ServiceDefaults;
using AdaptiveLoss.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var options = SiloOptions.Read(args);
if (options.Problem() is { } problem)
{
    Console.Error.WriteLine($"ala-silo: {problem}");
    return 2;
}

var builder = SiloDashboard.CreateBuilder(args, options);
builder.Configuration.AddCommandLine(SiloOptions.NormalizeSwitches(args), SiloOptions.SwitchMappings);
if (!SiloOptions.TryTelemetry(builder.Configuration, out var telemetry, out var telemetryProblem))
{
    Console.Error.WriteLine($"ala-silo: {telemetryProblem}");
    return 2;
}

// Orleans (membership), Polly (placement retries) and ASP.NET Core (every request) log at Information: keep warnings.
builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
builder.AddAdaptiveLossTelemetry(telemetry, "ala-silo");
builder.UseOrleans(silo => silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort).AddActivityPropagation()
    .AddAdaptiveLossGrains().AddAdaptiveLossState(options.StateDirectory).AddDashboardWhenEnabled(options));

using var host = SiloDashboard.Build(builder);
await host.StartAsync();
Console.WriteLine($"ala-silo: silo port {options.SiloPort}, gateway localhost:{options.GatewayPort}"
    + (options.Dashboard ? $", dashboard {SiloDashboard.Url(options)}" : "")
    + $", telemetry {TelemetryExporters.Names[(int)telemetry]}, policy snapshots in {Path.GetFullPath(options.StateDirectory)}; submit with ./ala run --cluster localhost:{options.GatewayPort}; Ctrl+C stops");
await host.WaitForShutdownAsync();
return 0;

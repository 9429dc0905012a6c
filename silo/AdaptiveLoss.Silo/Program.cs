// ala-silo: a standalone silo hosting the AdaptiveLoss grains (localhost or Redis clustering; docs/design.md §3). Wiring only.
// Terminal 1: ./ala-silo [--silo-port 11111] [--gateway-port 30000] [--clustering localhost|redis] [--redis HOST:PORT]
//                        [--max-children N] [--device cpu|cuda] [--dashboard [--dashboard-port 8080]] [--telemetry ...]
//                        [--tls-cert F --tls-key F --tls-ca F] [--redis-password-file F] [--health-port N] [--kubernetes];
// terminal 2: ./ala run --cluster localhost ...   (or --cluster redis://HOST:PORT for Redis clustering; docs/deploy.md)
using AdaptiveLoss.Grains;
using AdaptiveLoss.Grains.Clustering;
using AdaptiveLoss.Grains.Workers;
using AdaptiveLoss.ServiceDefaults;
using AdaptiveLoss.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

var options = SiloOptions.Read(args);
if (options.Problem() is { } problem)
{
    Console.Error.WriteLine($"ala-silo: {problem}");
    return 2;
}

// Secrets and certificates before anything starts (docs/deploy.md): a refusal is one line without the secret.
SiloSecurity security;
try
{
    security = SiloSecurity.Resolve(options, Environment.GetEnvironmentVariable);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"ala-silo: {ex.Message}");
    return 2;
}

using var ownsSecurity = security;
IHostApplicationBuilder builder;
try
{
    builder = SiloDashboard.CreateBuilder(args, options);
}
catch (InvalidDataException ex)
{
    // appsettings.<Environment>.json, which only the host reads: one line too (SiloOptions.Read checks appsettings.json).
    Console.Error.WriteLine($"ala-silo: {SettingsFiles.Describe(ex)}");
    return 2;
}

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
if (options.Device == "cuda" && DeviceCheck.CudaProblem() is { } cuda)
{
    Console.Error.WriteLine($"ala-silo: --device cuda: {cuda}");
    return 2;
}

if (options.UsesRedis && await AdaptiveLossRedis.ProbeAsync(security.Redis, security.Tls) is { } unreachable)
{
    Console.Error.WriteLine($"ala-silo: --redis: {unreachable}");
    return 2;
}

builder.UseOrleans(silo =>
{
    if (options.UsesRedis)
    {
        // Grain state in Redis; checkpoints and snapshots in the state folder (shared storage across machines).
        silo.AddAdaptiveLossRedis(security.Redis, security.Tls, options.ClusterId, options.ServiceId)
            .UseFastFailureDetection(TimeSpan.FromSeconds(options.ProbeTimeoutSeconds), options.MissedProbesLimit)
            .ConfigureEndpoints(System.Net.IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false)
            .AddChildCheckpoints(options.StateDirectory).AddPolicySnapshots(options.StateDirectory);
    }
    else
    {
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort).AddAdaptiveLossState(options.StateDirectory);
    }

    if (security.Tls is { } tls)
    {
        silo.UseAdaptiveLossTls(tls);
    }

    if (options.Kubernetes)
    {
        // Pod name, namespace and IP from the downward API; dead silos' pods are deleted (deploy/k8s/base/silo.yaml).
        silo.UseKubernetesHosting();
    }

    silo.AddActivityPropagation().AddAdaptiveLossGrains().AddDashboardWhenEnabled(options);
});
if (options.HealthPort != 0)
{
    builder.Services.AddSiloHealth(options, security);
}

using var host = SiloDashboard.Build(builder, options, security.Login);
// Settings, then one owner per state folder (docs/durability.md): a refused start writes nothing; the kernel drops the lock on exit.
string? refused = SiloState.SettingsProblem(host);
using var ownsState = refused is null ? SiloState.Take(options, out refused) : null;
if (ownsState is null)
{
    Console.Error.WriteLine($"ala-silo: {refused}");
    return 2;
}

try
{
    await host.StartAsync();
}
catch (OptionsValidationException ex)
{
    // Settings checked at start (Training:*, IValidateOptions): the first failure, one line, as SiloOptions' problems.
    Console.Error.WriteLine($"ala-silo: {ex.Failures.First()}");
    return 2;
}
catch (Exception ex) when (options.UsesRedis)
{
    // Redis went away between the probe and the start, or the membership table refused this silo.
    Console.Error.WriteLine($"ala-silo: cannot join the cluster in Redis at {security.Redis.Display}: {ex.Message.Split('\n', 2)[0]}");
    return 2;
}

var clustering = options.UsesRedis ? $"redis {security.Redis.Endpoint}{(security.Redis.Ssl ? " (tls)" : "")} (cluster {options.ClusterId}), advertised {options.AdvertisedAddress}" : "localhost";
Console.WriteLine($"ala-silo: silo port {options.SiloPort}, gateway {(options.UsesRedis ? options.AdvertisedAddress : "localhost")}:{options.GatewayPort}, clustering {clustering}, "
    + $"max children {(options.MaxChildren is null or "0" ? "unlimited" : options.MaxChildren)}, device {options.Device ?? "per experiment"}"
    + (options.Dashboard ? $", dashboard {SiloDashboard.Url(options)}{(security.Login is null ? "" : " (login)")}" : "")
    + (options.HealthPort != 0 ? $", health port {options.HealthPort}" : "") + (security.Tls is null ? "" : ", mutual tls")
    + $", telemetry {TelemetryExporters.Names[(int)telemetry]}, policy snapshots in {Path.GetFullPath(options.StateDirectory)}; submit with ./ala run --cluster {(options.UsesRedis ? security.Redis.Display : $"localhost:{options.GatewayPort}")}; Ctrl+C stops");
await host.WaitForShutdownAsync();
return 0;

using System.Net;
using AdaptiveLoss.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace AdaptiveLoss.Silo;

/// <summary>
/// Settings of the standalone silo (localhost clustering, optional dashboard). Bound from section
/// <see cref="SectionName"/> of configuration: appsettings.json, environment (<c>Silo__GatewayPort=30001</c>,
/// <c>Silo__Dashboard=true</c>) or the flags in <see cref="SwitchMappings"/> and <c>--dashboard</c>.
/// </summary>
public sealed class SiloOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Silo";

    /// <summary>The flags of <c>ala-silo</c> that take a value, and the configuration keys they set.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--silo-port"] = $"{SectionName}:{nameof(SiloPort)}",
        ["--gateway-port"] = $"{SectionName}:{nameof(GatewayPort)}",
        ["--dashboard"] = $"{SectionName}:{nameof(Dashboard)}",
        ["--dashboard-port"] = $"{SectionName}:{nameof(DashboardPort)}",
        ["--dashboard-host"] = $"{SectionName}:{nameof(DashboardHost)}",
        ["--state"] = $"{SectionName}:{nameof(StateDirectory)}",
        ["--telemetry"] = TelemetryKey,
    };

    /// <summary>
    /// Configuration key of the exporter (none, console or otlp): <c>--telemetry</c>, <c>Telemetry__Exporter</c> or
    /// appsettings.json. Unset: otlp when OTEL_EXPORTER_OTLP_ENDPOINT is set, else none (as <c>ala run</c>).
    /// </summary>
    public const string TelemetryKey = "Telemetry:Exporter";

    /// <summary>Silo-to-silo port. Default 11111 (Orleans' localhost default).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port; <c>ala run --cluster localhost:PORT</c> connects here. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Serve the Orleans dashboard (<c>--dashboard</c>). Default false: no HTTP listener at all.</summary>
    public bool Dashboard { get; set; }

    /// <summary>TCP port of the dashboard. Default 8080.</summary>
    public int DashboardPort { get; set; } = 8080;

    /// <summary>
    /// Address the dashboard binds to: an IP address, or <c>localhost</c> (127.0.0.1 and ::1). Default 127.0.0.1, so
    /// it is reachable from this machine only; the dashboard has no authentication.
    /// </summary>
    public string DashboardHost { get; set; } = "127.0.0.1";

    /// <summary>State folder (<c>--state</c>): learning policies save snapshots to STATE/policies/&lt;policyId&gt;/&lt;version&gt;.json. Default ./state.</summary>
    public string StateDirectory { get; set; } = "state";

    /// <summary>
    /// Reads the settings from appsettings.json (working folder), the environment and <paramref name="args"/>, the
    /// sources the host uses too. They are read before the host is built because the dashboard decides which host.
    /// </summary>
    public static SiloOptions Read(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(NormalizeSwitches(args), SwitchMappings)
            .Build();
        return configuration.GetSection(SectionName).Get<SiloOptions>() ?? new SiloOptions();
    }

    /// <summary>
    /// A bare <c>--dashboard</c> becomes <c>--dashboard=true</c>: the command-line provider would otherwise take the
    /// next word (say <c>--dashboard-port</c>) as its value.
    /// </summary>
    public static string[] NormalizeSwitches(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return [.. args.Select((a, i) => a == "--dashboard" && (i + 1 >= args.Length || !bool.TryParse(args[i + 1], out _)) ? "--dashboard=true" : a)];
    }

    /// <summary>The first invalid setting as a one-line message naming its flag, or null.</summary>
    public string? Problem()
    {
        foreach (var (flag, port) in new[] { ("--silo-port", SiloPort), ("--gateway-port", GatewayPort), ("--dashboard-port", DashboardPort) })
        {
            if (port is < 1 or > 65535)
            {
                return $"{flag} must be 1-65535 (got {port})";
            }
        }

        return DashboardHost == "localhost" || IPAddress.TryParse(DashboardHost, out _)
            ? null
            : $"--dashboard-host must be an IP address or localhost (got '{DashboardHost}')";
    }

    /// <summary>Reads the exporter from <paramref name="configuration"/>; false with a one-line problem for a bad value.</summary>
    public static bool TryTelemetry(IConfiguration configuration, out TelemetryExporter exporter, out string? problem)
    {
        var value = configuration[TelemetryKey];
        (exporter, problem) = (TelemetryExporters.Default(name => configuration[name]), null);
        if (value is null)
        {
            return true;
        }

        try
        {
            exporter = TelemetryExporters.Parse("--telemetry (Telemetry:Exporter)", value);
            return true;
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
            return false;
        }
    }
}

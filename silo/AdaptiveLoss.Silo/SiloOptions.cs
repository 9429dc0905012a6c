using AdaptiveLoss.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace AdaptiveLoss.Silo;

/// <summary>
/// Ports of the standalone silo (localhost clustering). Bound from section <see cref="SectionName"/> of configuration:
/// appsettings.json, environment (<c>Silo__GatewayPort=30001</c>) or the flags <c>--silo-port</c> / <c>--gateway-port</c>.
/// </summary>
public sealed class SiloOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Silo";

    /// <summary>The flags of <c>ala-silo</c> and the configuration keys they set.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--silo-port"] = $"{SectionName}:{nameof(SiloPort)}",
        ["--gateway-port"] = $"{SectionName}:{nameof(GatewayPort)}",
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

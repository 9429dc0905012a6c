using System.Collections;

namespace AdaptiveLoss.ServiceDefaults;

/// <summary>Names, parsing and the default of <see cref="TelemetryExporter"/>.</summary>
public static class TelemetryExporters
{
    /// <summary>The variable whose presence makes OTLP the default exporter.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The accepted values, as flags and configuration spell them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["none", "console", "otlp"];

    /// <summary>The default: <see cref="TelemetryExporter.Otlp"/> when <see cref="EndpointVariable"/> is set (and not empty), else none.</summary>
    public static TelemetryExporter Default(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return string.IsNullOrWhiteSpace(environment(EndpointVariable)) ? TelemetryExporter.None : TelemetryExporter.Otlp;
    }

    /// <summary>Parses none, console or otlp (exactly, lower case).</summary>
    /// <exception cref="ArgumentException">Any other value; the message names <paramref name="source"/> and the value.</exception>
    public static TelemetryExporter Parse(string source, string value) => value switch
    {
        "none" => TelemetryExporter.None,
        "console" => TelemetryExporter.Console,
        "otlp" => TelemetryExporter.Otlp,
        _ => throw new ArgumentException($"{source} must be one of {string.Join(", ", Names)} (got '{value}')"),
    };

    /// <summary>The OTEL_* variables of this process, with their names as keys (for a host built without environment configuration).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> OtelVariables() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => e.Key is string name && name.StartsWith("OTEL_", StringComparison.Ordinal))
            .Select(e => new KeyValuePair<string, string?>((string)e.Key, e.Value as string));
}

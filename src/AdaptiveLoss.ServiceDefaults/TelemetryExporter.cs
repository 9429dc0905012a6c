namespace AdaptiveLoss.ServiceDefaults;

/// <summary>Where a process sends its traces and metrics (<c>--telemetry none|console|otlp</c>).</summary>
public enum TelemetryExporter
{
    /// <summary>No OpenTelemetry provider at all: sources and instruments stay unsubscribed and cost nothing.</summary>
    None,

    /// <summary>Spans and metrics printed on standard output (OpenTelemetry's console exporter).</summary>
    Console,

    /// <summary>OTLP, configured by the standard <c>OTEL_EXPORTER_OTLP_*</c> variables (endpoint, protocol, headers).</summary>
    Otlp,
}
